// The rules of docs/ODD.md §7.3, as the reference engine states them plainly in
// sim/reference/src/interventions.cpp and intervention_effects.cpp:
//
//   for each intervention k in list order:
//     1 stop   if active and (t ≥ active_until ≥ 0, or its funded_by stream has ended while no
//              stable funding was active last month): deactivate, stop effects, finished unless
//              triggered with a stream that has not ended
//     2 start  if inactive, not finished and t ≥ next_allowed, and its stream has not ended:
//              untriggered → start; triggered → fire if firings are left and the trigger holds on
//              the noticed metric H[t − max(1, L)] (L the monitoring lag); start effects, one-off
//              cost
//     3 active covenant renewal; yearly_cost / 12
//   then recompute ActiveEffects from the active set
//
// The start, while-active and stop effects of each kind are the table of §7.3.

#include <algorithm>
#include <cmath>

#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

namespace {

double noticed(const SimulationState& s, TriggerMetric metric, int lag) {
    const int month = s.month - std::max(1, lag);
    const auto& row = s.history[static_cast<std::size_t>(metric)];
    return row[static_cast<std::size_t>(month % SimulationState::history_length)];
}

bool trigger_fires(const SimulationState& s, const StepContext& c, const Trigger& trigger) {
    const int lag = static_cast<int>(
        std::lround(s.effects.monitoring ? c.p.monitoring_lag_with : c.p.monitoring_lag_without));
    if (s.month - std::max(1, lag) < 0) {
        return false;
    }
    const double value = noticed(s, trigger.metric, lag);
    return trigger.below ? value < trigger.threshold : value > trigger.threshold;
}

void boost_commitment(SimulationState& s, double share_of_gap) {
    auto& a = s.partners;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a.active[i]) {
            a.commitment[i] += share_of_gap * (1.0 - a.commitment[i]);
        }
    }
}

int most_committed_active(const SimulationState& s, bool exclude_members) {
    const auto& a = s.partners;
    int best = -1;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a.active[i] || (exclude_members && a.team_member[i])) {
            continue;
        }
        if (best < 0 || a.commitment[i] > a.commitment[static_cast<std::size_t>(best)]) {
            best = static_cast<int>(i);
        }
    }
    return best;
}

void form_team(SimulationState& s, const StepContext& c, InterventionRuntime& rt) {
    auto& a = s.partners;
    std::fill(a.team_member.begin(), a.team_member.end(), static_cast<unsigned char>(0));
    int leader = rt.leader;
    if (leader < 0 || !a.active[static_cast<std::size_t>(leader)]) {
        leader = most_committed_active(s, false);
    }
    if (leader < 0) {
        return;
    }
    a.team_member[static_cast<std::size_t>(leader)] = 1;
    s.team_leader = leader;
    s.team_vacant_until = -1;
    if (!rt.spec->members.empty()) {
        for (const auto& name : rt.spec->members) {
            const int m = c.scenario.partner_index(name);
            if (m >= 0 && a.active[static_cast<std::size_t>(m)]) {
                a.team_member[static_cast<std::size_t>(m)] = 1;
            }
        }
        return;
    }
    for (int k = 1; k < rt.spec->team_size; ++k) {
        const int m = most_committed_active(s, true);
        if (m < 0) {
            break;
        }
        a.team_member[static_cast<std::size_t>(m)] = 1;
    }
}

// Stable funding keeps what flowed when it was agreed (this month or, if a stream just
// ended, the month before), not money that had already stopped earlier.
double funding_at_agreement(const SimulationState& s) {
    return std::max(s.funding, s.funding_prev);
}

void start(SimulationState& s, const StepContext& c, InterventionRuntime& rt, int k) {
    const auto& p = c.p;
    const auto& spec = *rt.spec;
    const int t = s.month;
    c.log.add(t,
              rt.firings > 0 && spec.trigger ? EventKind::intervention_triggered
                                             : EventKind::intervention_started,
              -1, k);
    switch (spec.kind) {
        case InterventionKind::covenant:
            s.intention += p.covenant_intention_boost * (1.0 - s.intention);
            boost_commitment(s, p.covenant_commitment_boost);
            s.covenant_next_renewal = t + spec.term_months;
            c.log.add(t, EventKind::covenant_signed, -1, k);
            break;
        case InterventionKind::settlement: {
            s.conflict = 0.0;
            s.money_settled = true;
            // Closing negotiations can cost a partner: concessions, crisis, departure of persons.
            int least = -1;
            auto& a = s.partners;
            for (std::size_t i = 0; i < a.size(); ++i) {
                if (a.active[i] &&
                    (least < 0 || a.alignment[i] < a.alignment[static_cast<std::size_t>(least)])) {
                    least = static_cast<int>(i);
                }
            }
            if (least >= 0 &&
                c.rng.bernoulli(p.settlement_departure_probability, DrawPurpose::settlement,
                                static_cast<std::uint32_t>(t), static_cast<std::uint32_t>(k))) {
                remove_partner(s, c, static_cast<std::size_t>(least), EventKind::partner_left);
            }
            c.log.add(t, EventKind::negotiations_settled, -1, k);
            break;
        }
        case InterventionKind::execution_team:
            form_team(s, c, rt);
            break;
        case InterventionKind::coordinator:
            s.coordinator_present = true;
            s.coordinator_vacant_until = -1;
            s.dependence = 0.0;
            c.log.add(t, EventKind::coordinator_arrived, -1, k);
            break;
        case InterventionKind::stable_funding:
            s.funding_at_stable_start = funding_at_agreement(s);
            s.money_settled = true;
            break;
        case InterventionKind::meetings:
            if (spec.trigger) {
                boost_commitment(s, p.meetings_revival_gain);
            }
            break;
        case InterventionKind::performance_agreements:
        case InterventionKind::vertical_structure:
        case InterventionKind::monitoring:
            break;
    }
}

void stop(SimulationState& s, const StepContext& c, InterventionRuntime& rt, int k) {
    c.log.add(s.month, EventKind::intervention_ended, -1, k);
    switch (rt.spec->kind) {
        case InterventionKind::coordinator:
            coordinator_departs(s, c, k);
            break;
        case InterventionKind::execution_team:
            s.team_leader = -1;
            std::fill(s.partners.team_member.begin(), s.partners.team_member.end(),
                      static_cast<unsigned char>(0));
            break;
        case InterventionKind::covenant:
            s.covenant_next_renewal = -1;
            break;
        default:
            break;
    }
}

bool funding_ended(const InterventionRuntime& rt, const SimulationState& s, const StepContext& c) {
    if (rt.funded_by < 0 || s.effects.stable_funding) {
        return false;
    }
    const auto& stream = c.scenario.funding[static_cast<std::size_t>(rt.funded_by)];
    return stream.end_month >= 0 && s.month >= stream.end_month;
}

void recompute_effects(SimulationState& s) {
    // Written in place: a local copy assigned at the end was stored a byte at a time and loaded
    // back sixteen bytes at a time, a store-forwarding stall that cost more than the loop.
    ActiveEffects& e = s.effects;
    e = ActiveEffects{};
    for (const auto& rt : s.interventions) {
        if (!rt.active) {
            continue;
        }
        const auto& spec = *rt.spec;
        switch (spec.kind) {
            case InterventionKind::covenant:
                e.covenant = true;
                break;
            case InterventionKind::performance_agreements:
                e.agreements = true;
                break;
            case InterventionKind::execution_team:
                e.team = true;
                break;
            case InterventionKind::coordinator:
                e.coordinator = true;
                e.coordinator_intensity = std::max(e.coordinator_intensity, spec.intensity);
                if (s.coordinator_present) {
                    e.meetings_per_year += spec.meetings_per_year;
                }
                break;
            case InterventionKind::meetings:
                if (!spec.trigger) {
                    e.meetings_per_year += spec.meetings_per_year;
                }
                break;
            case InterventionKind::stable_funding:
                e.stable_funding = true;
                e.stable_level = spec.level;
                break;
            case InterventionKind::vertical_structure:
                e.vertical = true;
                break;
            case InterventionKind::monitoring:
                e.monitoring = true;
                break;
            case InterventionKind::settlement:
                break;
        }
    }
}

}  // namespace

void update_interventions(SimulationState& s, const StepContext& c) {
    const int t = s.month;
    const int n = static_cast<int>(s.interventions.size());
    const std::size_t year = static_cast<std::size_t>(t / 12);
    for (int k = 0; k < n; ++k) {
        auto& rt = s.interventions[static_cast<std::size_t>(k)];
        const auto& spec = *rt.spec;
        if (rt.finished) {
            continue;
        }
        if (rt.active &&
            ((rt.active_until >= 0 && t >= rt.active_until) || funding_ended(rt, s, c))) {
            rt.active = false;
            stop(s, c, rt, k);
            if (!spec.trigger || funding_ended(rt, s, c)) {
                rt.finished = true;
            }
            continue;
        }
        if (!rt.active && t >= rt.next_allowed) {
            bool fire = false;
            if (spec.trigger) {
                const bool room =
                    spec.trigger->max_firings == 0 || rt.firings < spec.trigger->max_firings;
                fire = room && trigger_fires(s, c, *spec.trigger);
            } else {
                fire = t >= spec.start_month;
            }
            if (fire && !funding_ended(rt, s, c)) {
                rt.active = true;
                rt.active_until = spec.duration_months > 0 ? t + spec.duration_months : -1;
                if (spec.kind == InterventionKind::covenant && !spec.renew &&
                    spec.duration_months <= 0) {
                    rt.active_until = t + spec.term_months;
                }
                if (spec.kind == InterventionKind::settlement) {
                    rt.active_until = t + 1;
                }
                ++rt.firings;
                if (spec.trigger) {
                    rt.next_allowed = t + std::max(1, spec.trigger->cooldown_months);
                }
                start(s, c, rt, k);
                const double one_off = spec.one_off_cost;
                c.result.total_cost += one_off;
                if (year <
                    c.result.spent.size() / std::max<std::size_t>(1, s.interventions.size())) {
                    c.result.spent[year * s.interventions.size() + static_cast<std::size_t>(k)] +=
                        one_off;
                }
            } else if (!spec.trigger && !fire) {
                continue;
            }
        }
        if (rt.active) {
            if (spec.kind == InterventionKind::covenant && spec.renew &&
                t == s.covenant_next_renewal && t > 0) {
                // Re-signing: a fresh commitment, and a moment at which partners may leave.
                s.covenant_renewal_this_month = true;
                s.intention += c.p.covenant_intention_boost * (1.0 - s.intention);
                s.covenant_next_renewal = t + spec.term_months;
                c.log.add(t, EventKind::covenant_renewed, -1, k);
            }
            const double monthly = spec.yearly_cost / 12.0;
            c.result.total_cost += monthly;
            c.result.spent[year * s.interventions.size() + static_cast<std::size_t>(k)] += monthly;
        }
    }
    recompute_effects(s);
}

}  // namespace regiosim::model

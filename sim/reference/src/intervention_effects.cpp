// docs/ODD.md §7.3 "Effects by kind": what an intervention does at its start (or firing) and at
// its stop, and ActiveEffects, recomputed from the active set every month.
#include <algorithm>

#include "regiosim/reference/submodels.hpp"

namespace regiosim::reference {

namespace {

// m_i ← m_i + g (1 − m_i) for every active i.
void boost_commitment(ReferenceState& s, double share_of_gap) {
    for (Partner& a : s.partners) {
        if (a.active) {
            a.commitment += share_of_gap * (1.0 - a.commitment);
        }
    }
}

// The active partner with the highest m_i (not a member, if asked), the lowest index on ties;
// −1 if there is none.
int most_committed_active(const ReferenceState& s, bool exclude_members) {
    int best = -1;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const Partner& a = s.partners[i];
        if (!a.active || (exclude_members && a.team_member)) {
            continue;
        }
        if (best < 0 || a.commitment > s.partners[static_cast<std::size_t>(best)].commitment) {
            best = static_cast<int>(i);
        }
    }
    return best;
}

// execution_team at start: the leader (named and active, else the most committed active
// partner) is a member; then the listed active partners, or the team_size − 1 most committed
// other active partners (team_size counts the leader), one at a time.
void form_team(ReferenceState& s, const Step& c, std::size_t k) {
    const auto& spec = c.interventions[k];
    for (Partner& a : s.partners) {
        a.team_member = false;
    }
    int leader = s.interventions[k].leader;
    if (leader < 0 || !s.partners[static_cast<std::size_t>(leader)].active) {
        leader = most_committed_active(s, false);
    }
    if (leader < 0) {
        return;
    }
    s.partners[static_cast<std::size_t>(leader)].team_member = true;
    s.team_leader = leader;
    s.team_vacant_until = -1;
    if (!spec.members.empty()) {
        for (const auto& name : spec.members) {
            const int m = c.scenario.partner_index(name);
            if (m >= 0 && s.partners[static_cast<std::size_t>(m)].active) {
                s.partners[static_cast<std::size_t>(m)].team_member = true;
            }
        }
        return;
    }
    for (int member = 1; member < spec.team_size; ++member) {
        const int m = most_committed_active(s, true);
        if (m < 0) {
            break;
        }
        s.partners[static_cast<std::size_t>(m)].team_member = true;
    }
}

// settlement at start: C ← 0, money settled; the least aligned active partner (first index on
// ties) leaves with probability settlement.departure_probability.
void settle(ReferenceState& s, const Step& c, std::size_t k) {
    s.conflict = 0.0;
    s.money_settled = true;
    int least = -1;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.partners[i].active &&
            (least < 0 ||
             s.partners[i].alignment < s.partners[static_cast<std::size_t>(least)].alignment)) {
            least = static_cast<int>(i);
        }
    }
    if (least >= 0 &&
        c.rng.bernoulli(c.p.settlement_departure_probability, DrawPurpose::settlement,
                        static_cast<std::uint32_t>(s.month), static_cast<std::uint32_t>(k))) {
        leave(s, c, static_cast<std::size_t>(least), EventKind::partner_left);
    }
    c.log.add(s.month, EventKind::negotiations_settled, -1, static_cast<int>(k));
}

}  // namespace

// §7.3 table, column "at start (or firing)".
void start_intervention(ReferenceState& s, const Step& c, std::size_t k) {
    const auto& p = c.p;
    const auto& spec = c.interventions[k];
    const int t = s.month;
    const int index = static_cast<int>(k);
    c.log.add(t, spec.trigger ? EventKind::intervention_triggered : EventKind::intervention_started,
              -1, index);
    switch (spec.kind) {
        case InterventionKind::covenant:
            s.intention += p.covenant_intention_boost * (1.0 - s.intention);
            boost_commitment(s, p.covenant_commitment_boost);
            s.covenant_next_renewal = t + spec.term_months;
            c.log.add(t, EventKind::covenant_signed, -1, index);
            break;
        case InterventionKind::settlement:
            settle(s, c, k);
            break;
        case InterventionKind::execution_team:
            form_team(s, c, k);
            break;
        case InterventionKind::coordinator:
            s.coordinator_present = true;
            s.coordinator_vacant_until = -1;
            s.dependence = 0.0;
            c.log.add(t, EventKind::coordinator_arrived, -1, index);
            break;
        case InterventionKind::stable_funding:
            s.funding_at_stable_start = std::max(s.funding, s.funding_prev);
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

// §7.3 table, column "at stop".
void stop_intervention(ReferenceState& s, const Step& c, std::size_t k) {
    c.log.add(s.month, EventKind::intervention_ended, -1, static_cast<int>(k));
    switch (c.interventions[k].kind) {
        case InterventionKind::coordinator:
            coordinator_departs(s, c, static_cast<int>(k));
            break;
        case InterventionKind::execution_team:
            s.team_leader = -1;
            for (Partner& a : s.partners) {
                a.team_member = false;
            }
            break;
        case InterventionKind::covenant:
            s.covenant_next_renewal = -1;
            break;
        default:
            break;
    }
}

// §7.3 step 4 / §2.4: ActiveEffects from the active set. A coordinator's meetings count only
// while its person is in post at this point of the month.
void recompute_effects(ReferenceState& s, const Step& c) {
    ActiveEffects e;
    for (std::size_t k = 0; k < c.interventions.size(); ++k) {
        if (!s.interventions[k].active) {
            continue;
        }
        const auto& spec = c.interventions[k];
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
                e.meetings_per_year += s.coordinator_present ? spec.meetings_per_year : 0.0;
                break;
            case InterventionKind::meetings:
                e.meetings_per_year += spec.trigger ? 0.0 : spec.meetings_per_year;
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
    s.effects = e;
}

}  // namespace regiosim::reference

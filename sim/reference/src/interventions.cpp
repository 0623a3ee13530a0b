// docs/ODD.md §7.3: the interventions' life cycle (stop, start or fire, while active, costs) and
// the noticed metric of triggers. Their effects by kind are in intervention_effects.cpp.
#include <algorithm>
#include <cmath>

#include "regiosim/reference/submodels.hpp"

namespace regiosim::reference {

namespace {

// §7.3 "Noticed metric": H_metric[t − max(1, L)], L the monitoring lag of last month's effects;
// a trigger cannot fire while t − max(1, L) < 0.
bool trigger_condition_holds(const ReferenceState& s, const Step& c, const Trigger& trigger) {
    const double lag = s.effects.monitoring ? c.p.monitoring_lag_with : c.p.monitoring_lag_without;
    const int back = std::max(1, static_cast<int>(std::lround(lag)));
    const int month = s.month - back;
    if (month < 0) {
        return false;
    }
    const double value =
        s.history[static_cast<std::size_t>(trigger.metric)]
                 [static_cast<std::size_t>(month % CollaborationState::history_length)];
    return trigger.below ? value < trigger.threshold : value > trigger.threshold;
}

// §7.3 step 1: its `funded_by` stream has ended while no stable funding was active last month.
bool funding_ended(const ReferenceState& s, const Step& c, const InterventionRuntime& rt) {
    if (rt.funded_by < 0 || s.effects.stable_funding) {
        return false;
    }
    const int end = c.scenario.funding[static_cast<std::size_t>(rt.funded_by)].end_month;
    return end >= 0 && s.month >= end;
}

// §7.3 "Costs": into total_cost and spent[year · K + k].
void book(const ReferenceState& s, const Step& c, std::size_t k, double amount) {
    const std::size_t year = static_cast<std::size_t>(s.month / 12);
    c.result.total_cost += amount;
    c.result.spent[year * c.interventions.size() + k] += amount;
}

// §7.3 step 2: an untriggered intervention starts from its start month; a triggered one fires
// while it has firings left and its condition holds; neither once its stream has ended.
bool starts_now(const ReferenceState& s, const Step& c, std::size_t k) {
    const auto& spec = c.interventions[k];
    const auto& rt = s.interventions[k];
    bool fire = false;
    if (spec.trigger) {
        const bool room = spec.trigger->max_firings == 0 || rt.firings < spec.trigger->max_firings;
        fire = room && trigger_condition_holds(s, c, *spec.trigger);
    } else {
        fire = s.month >= spec.start_month;
    }
    return fire && !funding_ended(s, c, rt);
}

// §7.3 step 2, on starting: how long it runs, the firing count, the cooldown, its start effects
// and its one-off cost.
void start(ReferenceState& s, const Step& c, std::size_t k) {
    const auto& spec = c.interventions[k];
    auto& rt = s.interventions[k];
    const int t = s.month;
    rt.active = true;
    rt.active_until = spec.duration_months > 0 ? t + spec.duration_months : -1;
    if (spec.kind == InterventionKind::covenant && !spec.renew && spec.duration_months <= 0) {
        rt.active_until = t + spec.term_months;
    }
    if (spec.kind == InterventionKind::settlement) {
        rt.active_until = t + 1;
    }
    ++rt.firings;
    if (spec.trigger) {
        rt.next_allowed = t + std::max(1, spec.trigger->cooldown_months);
    }
    start_intervention(s, c, k);
    book(s, c, k, spec.one_off_cost);
}

// §7.3 step 3: covenant renewal (shared by all covenants, §7.3 note vii) and the monthly cost.
void while_active(ReferenceState& s, const Step& c, std::size_t k) {
    const auto& spec = c.interventions[k];
    const int t = s.month;
    if (spec.kind == InterventionKind::covenant && spec.renew && t == s.covenant_next_renewal &&
        t > 0) {
        s.covenant_renewal_this_month = true;
        s.intention += c.p.covenant_intention_boost * (1.0 - s.intention);
        s.covenant_next_renewal = t + spec.term_months;
        c.log.add(t, EventKind::covenant_renewed, -1, static_cast<int>(k));
    }
    book(s, c, k, spec.yearly_cost / 12.0);
}

}  // namespace

// §7.3 "Life cycle", for each intervention k in list order; then ActiveEffects.
void update_interventions(ReferenceState& s, const Step& c) {
    const int t = s.month;
    for (std::size_t k = 0; k < c.interventions.size(); ++k) {
        const auto& spec = c.interventions[k];
        auto& rt = s.interventions[k];
        if (rt.finished) {
            continue;
        }
        if (rt.active && ((rt.active_until >= 0 && t >= rt.active_until) ||
                          funding_ended(s, c, rt))) {  // step 1: stop
            rt.active = false;
            stop_intervention(s, c, k);
            rt.finished = !spec.trigger || funding_ended(s, c, rt);
            continue;
        }
        if (!rt.active && t >= rt.next_allowed && starts_now(s, c, k)) {  // step 2
            start(s, c, k);
        }
        if (rt.active) {  // step 3
            while_active(s, c, k);
        }
    }
    recompute_effects(s, c);  // step 4
}

}  // namespace regiosim::reference

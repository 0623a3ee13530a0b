// The rule of docs/ODD.md §7.11, as the reference engine states it plainly in
// sim/reference/src/collaboration.cpp:
//
// clang-format off
//   refresh: N ; m̄ = mean_{i active} m_i ;  T̄ = mean of T_ij over ordered active pairs i ≠ j
//
//   intention:
//       I ← I − intention.decay · I
//       floor = intention.urgency_floor · urgency
//       if F > 0:             floor = max(floor, intention.funding_floor · min(1, F / funding.reference))
//       if vertical structure: floor = max(floor, vertical.intention_floor)
//       I ← clamp(max(I, floor))
//
//   dependence (only while the coordinator is present):
//       D ← clamp(D + coordinator.dependence_growth · (intensity − D))
//
//   phase:
//       forming     → structuring  if I ≥ phase.structuring_intention and S ≥ 1
//       structuring → deepening    if T̄ ≥ phase.deepening_trust and S ≥ phase.deepening_successes
//       deepening   → structuring  if T̄ < phase.deepening_trust − phase.regression_margin
//       flywheel: absorbing
//   flywheel (until first reached): see §8.2
//   history[metric][t mod 16] ← m̄, T̄, N/N_J, C, y, I
//
// clang-format on
// Below, the fast engine computes it: in the partners' single-precision lanes, with kernels
// over whole vector blocks (machinery/), which give the same result up to rounding.

#include <algorithm>

#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

namespace {

void update_intention(SimulationState& s, const StepContext& c) {
    const auto& p = c.p;
    s.intention -= p.intention_decay * s.intention;
    double floor = p.intention_urgency_floor * c.scenario.context.urgency;
    if (s.funding > 0.0) {
        floor = std::max(
            floor, p.intention_funding_floor * std::min(1.0, s.funding / p.funding_reference));
    }
    if (s.effects.vertical) {
        floor = std::max(floor, p.vertical_intention_floor);
    }
    s.intention = std::clamp(std::max(s.intention, floor), 0.0, 1.0);
}

void update_dependence(SimulationState& s, const StepContext& c) {
    if (s.coordinator_present) {
        // The more the coordinator pulls, the more the others lean on them (seed 003, Klaster).
        s.dependence +=
            c.p.coordinator_dependence_growth * (s.effects.coordinator_intensity - s.dependence);
        s.dependence = std::clamp(s.dependence, 0.0, 1.0);
    }
}

bool flywheel_conditions(const SimulationState& s, const ModelParameters& p) {
    return s.mean_commitment >= p.flywheel_commitment && s.mean_trust >= p.flywheel_trust &&
           s.output_per_partner >= p.flywheel_output && s.dependence <= p.flywheel_max_dependence;
}

void update_phase(SimulationState& s, const StepContext& c) {
    const auto& p = c.p;
    const Phase before = s.phase;
    switch (s.phase) {
        case Phase::forming:
            if (s.intention >= p.phase_structuring_intention && s.successes >= 1) {
                s.phase = Phase::structuring;
            }
            break;
        case Phase::structuring:
            if (s.mean_trust >= p.phase_deepening_trust &&
                s.successes >= p.phase_deepening_successes) {
                s.phase = Phase::deepening;
            }
            break;
        case Phase::deepening:
            // Relations can thin out again; the order of phases is not fixed (seed 003).
            if (s.mean_trust < p.phase_deepening_trust - p.phase_regression_margin) {
                s.phase = Phase::structuring;
            }
            break;
        case Phase::flywheel:
            break;
    }
    if (c.result.month_self_sustaining < 0) {
        s.flywheel_months = flywheel_conditions(s, p) ? s.flywheel_months + 1 : 0;
        if (s.flywheel_months >= p.flywheel_months) {
            c.result.month_self_sustaining = s.month;
            s.phase = Phase::flywheel;
            c.log.add(s.month, EventKind::became_self_sustaining);
        }
    }
    if (s.phase != before) {
        c.log.add(s.month, EventKind::phase_changed, -1, -1, static_cast<double>(before),
                  static_cast<double>(s.phase));
    }
}

void record_history(SimulationState& s) {
    const auto slot = static_cast<std::size_t>(s.month % SimulationState::history_length);
    const double active_share = s.n_joined > 0 ? static_cast<double>(s.n_active) / s.n_joined : 0.0;
    s.history[static_cast<std::size_t>(TriggerMetric::mean_commitment)][slot] = s.mean_commitment;
    s.history[static_cast<std::size_t>(TriggerMetric::mean_trust)][slot] = s.mean_trust;
    s.history[static_cast<std::size_t>(TriggerMetric::active_share)][slot] = active_share;
    s.history[static_cast<std::size_t>(TriggerMetric::conflict)][slot] = s.conflict;
    s.history[static_cast<std::size_t>(TriggerMetric::output_per_partner)][slot] =
        s.output_per_partner;
    s.history[static_cast<std::size_t>(TriggerMetric::intention)][slot] = s.intention;
}

}  // namespace

void update_collaboration(SimulationState& s, const StepContext& c) {
    refresh_means(s);
    update_intention(s, c);
    update_dependence(s, c);
    update_phase(s, c);
    record_history(s);
}

EndCause check_ending(SimulationState& s, const StepContext& c) {
    const auto& p = c.p;
    const int t = s.month;
    const bool after_leader_loss = t - s.last_leader_loss <= p.ending_attribution_window;
    const bool after_funding_drop = t - s.last_funding_drop <= p.ending_attribution_window;
    auto attribute = [&](EndCause otherwise) {
        if (after_leader_loss) {
            return EndCause::leader_loss;
        }
        if (after_funding_drop) {
            return EndCause::funding_cliff;
        }
        return otherwise;
    };

    if (s.deadlock_months >= p.conflict_deadlock_months) {
        return EndCause::negotiation_deadlock;
    }
    const double needed = std::max(2.0, p.ending_min_active_share * s.n_joined);
    if (s.n_joined > 0 && s.n_active < needed) {
        return attribute(EndCause::partner_exodus);
    }
    if (s.n_active > 0 && s.mean_commitment < p.ending_commitment_floor) {
        return attribute(EndCause::drift);
    }
    if (t >= p.ending_grace_months) {
        s.drift_months = s.output_per_partner < p.ending_drift_output ? s.drift_months + 1 : 0;
        if (s.drift_months >= p.ending_drift_months) {
            return attribute(EndCause::drift);
        }
    }
    return EndCause::censored;
}

}  // namespace regiosim::model

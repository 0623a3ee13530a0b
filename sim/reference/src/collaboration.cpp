// docs/ODD.md §7.11: the collaboration state.
#include <algorithm>

#include "regiosim/reference/submodels.hpp"

namespace regiosim::reference {

namespace {

// §7.11 "intention": decay, then the floors of urgency, funding and a vertical structure.
void update_intention(ReferenceState& s, const Step& c) {
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
    s.intention = clamp01(std::max(s.intention, floor));
}

// §7.11 "dependence", only while the coordinator is present.
void update_dependence(ReferenceState& s, const Step& c) {
    if (s.coordinator_present) {
        s.dependence = clamp01(s.dependence + c.p.coordinator_dependence_growth *
                                                  (s.effects.coordinator_intensity - s.dependence));
    }
}

// §7.11 "phase": at most one transition; then the flywheel rule (§8.2), which can move it once
// more, to flywheel; one phase_changed event from the phase before to the phase after.
void update_phase(ReferenceState& s, const Step& c) {
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
            if (s.mean_trust < p.phase_deepening_trust - p.phase_regression_margin) {
                s.phase = Phase::structuring;
            }
            break;
        case Phase::flywheel:
            break;
    }
    update_flywheel(s, c);
    if (s.phase != before) {
        c.log.add(s.month, EventKind::phase_changed, -1, -1, static_cast<double>(before),
                  static_cast<double>(s.phase));
    }
}

// §7.11 "history": the noticed metrics of month t in slot t mod 16.
void record_history(ReferenceState& s) {
    const auto slot = static_cast<std::size_t>(s.month % CollaborationState::history_length);
    const double active_share = s.n_joined > 0 ? static_cast<double>(s.n_active) / s.n_joined : 0.0;
    const double values[CollaborationState::history_metrics] = {s.mean_commitment,    s.mean_trust,
                                                                active_share,         s.conflict,
                                                                s.output_per_partner, s.intention};
    for (std::size_t metric = 0; metric < CollaborationState::history_metrics; ++metric) {
        s.history[metric][slot] = values[metric];
    }
}

}  // namespace

// §7.11, in order: refresh N, m̄, T̄; intention; dependence; phase and flywheel; history.
void update_collaboration(ReferenceState& s, const Step& c) {
    refresh_means(s);
    update_intention(s, c);
    update_dependence(s, c);
    update_phase(s, c);
    record_history(s);
}

}  // namespace regiosim::reference

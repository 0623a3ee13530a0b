// docs/ODD.md §3: the monthly step in the ODD's order, the yearly records, and the per-run set-up
// of §5.
#include "regiosim/reference/reference_simulation.hpp"

#include <cstddef>

#include "regiosim/core/event_log.hpp"
#include "regiosim/reference/submodels.hpp"

namespace regiosim::reference {

ReferenceSimulation::ReferenceSimulation(const Scenario& scenario, const Arm& arm)
    : scenario_(&scenario) {
    interventions_ = scenario.interventions;
    interventions_.insert(interventions_.end(), arm.interventions.begin(), arm.interventions.end());
}

// §5 "Per run": the region's climate z_R first, then the collaboration, partners, trust and
// interventions; nobody is active before month 0's admission.
void ReferenceSimulation::reset(std::uint64_t seed, std::uint64_t run_index) {
    rng_ = RandomStream(seed, run_index);
    const int years = (scenario_->horizon_months + 11) / 12;
    result_ = RunResult{};
    result_.years.reserve(static_cast<std::size_t>(years));
    result_.spent.assign(static_cast<std::size_t>(years) * interventions_.size(), 0.0);
    result_.events.reserve(
        event_log_capacity(scenario_->partners.size(), scenario_->horizon_months));
    EventLog log(result_.events, result_.dropped_events);
    const Step c{*scenario_, interventions_, scenario_->model, rng_, log, result_};
    const double climate = rng_.normal(DrawPurpose::regional_climate, 0, 0, 0);
    state_ = ReferenceState{};
    initialise_collaboration(state_, c, climate);
    initialise_partners(state_, c, climate);
    initialise_trust(state_, c, climate);
    initialise_interventions(state_, c);
    finished_ = false;
}

// §3: steps 1–13 of one month.
bool ReferenceSimulation::step() {
    if (finished_) {
        return false;
    }
    auto& s = state_;
    EventLog log(result_.events, result_.dropped_events);
    const Step c{*scenario_, interventions_, scenario_->model, rng_, log, result_};
    admit_joining_partners(s, c);               // 1 (§7.1)
    update_funding(s, c);                       // 2 (§7.2)
    update_interventions(s, c);                 // 3 (§7.3)
    update_key_figures(s, c);                   // 4 (§7.4)
    decide_contributions(s, c);                 // 5 (§7.5)
    produce_results(s, c);                      // 6 (§7.6)
    update_trust(s, c);                         // 7 (§7.7)
    update_conflict(s, c);                      // 8 (§7.8)
    update_commitment(s, c);                    // 9 (§7.9)
    decide_exits(s, c);                         // 10 (§7.10)
    update_collaboration(s, c);                 // 11 (§7.11)
    const EndCause cause = check_ending(s, c);  // 12 (§8.1)
    // 13: yearly record; stop at an ending or at the horizon.
    const bool horizon = s.month + 1 >= scenario_->horizon_months;
    if (cause != EndCause::censored) {
        log.add(s.month, EventKind::ended, -1, static_cast<int>(cause));
        record_year();
        finish(cause);
        return false;
    }
    if ((s.month + 1) % 12 == 0 || horizon) {
        record_year();
    }
    if (horizon) {
        finish(EndCause::censored);
        return false;
    }
    ++s.month;
    return true;
}

// §8.3 `years`: the state at the end of the year's last simulated month.
void ReferenceSimulation::record_year() {
    result_.years.push_back(year_record(state_));
}

// §8.3: months survived, whether and why it ended, the cumulative results.
void ReferenceSimulation::finish(EndCause cause) {
    finished_ = true;
    finish_result(result_, state_, cause);
}

// A run is a pure function of (scenario, arm, seed, run index) (§8.3).
const RunResult& ReferenceSimulation::run(std::uint64_t seed, std::uint64_t run_index) {
    reset(seed, run_index);
    while (step()) {
    }
    return result_;
}

}  // namespace regiosim::reference

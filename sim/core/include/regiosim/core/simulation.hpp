#pragma once

#include <cstdint>
#include <vector>

#include "regiosim/core/engine.hpp"
#include "regiosim/core/random.hpp"
#include "regiosim/core/run_result.hpp"
#include "regiosim/core/scenario.hpp"
#include "regiosim/core/simulation_state.hpp"

namespace regiosim {

/// The fast engine: one arm of a scenario, ready to run many times. Buffers are allocated here
/// and in reset(), never inside step(), so a sweep can reuse one Simulation per thread. Tested
/// against the reference engine (sim/reference), which states the same rules plainly.
///
/// A run is a pure function of (scenario, arm, seed, run index).
class Simulation final : public Engine {
  public:
    /// `scenario` and `arm` must outlive the simulation.
    Simulation(const Scenario& scenario, const Arm& arm);

    /// Prepares run `run_index` of seed `seed`: draws the initial state.
    void reset(std::uint64_t seed, std::uint64_t run_index);

    /// Advances one month. Returns false once the collaboration has ended or the horizon is
    /// reached.
    bool step();

    /// reset() and step() until the end; the result stays valid until the next reset().
    const RunResult& run(std::uint64_t seed, std::uint64_t run_index) override;

    /// The model's state (docs/ODD.md §2), read-only: what the story, the server and recorders
    /// read between steps.
    [[nodiscard]] const ModelState& state() const noexcept { return state_; }
    /// The whole state, the engine's workspace included, for the fast engine's own white-box
    /// tests (tests/core), which set a state up and call one submodel. Nothing else uses it.
    [[nodiscard]] SimulationState& engine_state() noexcept { return state_; }
    [[nodiscard]] const RunResult& result() const noexcept { return result_; }
    [[nodiscard]] const Scenario& scenario() const noexcept { return *scenario_; }
    [[nodiscard]] const Arm& arm() const noexcept { return *arm_; }
    /// The scenario's common interventions followed by the arm's.
    [[nodiscard]] const std::vector<InterventionSpec>& interventions() const noexcept override {
        return interventions_;
    }
    [[nodiscard]] bool finished() const noexcept { return finished_; }

  private:
    /// What the scenario fixes about each partner for every run (style lanes, capacity, …).
    void describe_partners();
    /// The rest of a run's starting state of the partners, draws included.
    void initialise_partners();
    void initialise_interventions();
    void record_year();
    void finish(EndCause cause);

    const Scenario* scenario_;
    const Arm* arm_;
    std::vector<InterventionSpec> interventions_;
    RandomStream rng_{0, 0};
    SimulationState state_;
    RunResult result_;
    bool finished_ = true;
};

}  // namespace regiosim

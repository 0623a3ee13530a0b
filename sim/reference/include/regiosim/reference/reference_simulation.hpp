#pragma once

#include <cstdint>
#include <vector>

#include "regiosim/core/engine.hpp"
#include "regiosim/core/random.hpp"
#include "regiosim/core/run_result.hpp"
#include "regiosim/core/scenario.hpp"
#include "regiosim/reference/reference_state.hpp"

namespace regiosim::reference {

/// The reference engine: the rules of docs/ODD.md §3 and §7–8, one plain function per ODD
/// subsection, in double precision, with the same random-number contract (docs/ODD.md §4.9) as
/// the fast engine. Slow on purpose: it is what a rule is written and tested in first.
class ReferenceSimulation final : public Engine {
  public:
    /// `scenario` and `arm` must outlive the simulation.
    ReferenceSimulation(const Scenario& scenario, const Arm& arm);

    const RunResult& run(std::uint64_t seed, std::uint64_t run_index) override;

    [[nodiscard]] const std::vector<InterventionSpec>& interventions() const noexcept override {
        return interventions_;
    }

    /// Sets up run `run_index` of seed `seed` (docs/ODD.md §5, per run).
    void reset(std::uint64_t seed, std::uint64_t run_index);

    /// One month of docs/ODD.md §3; false once the run has ended (or reached the horizon).
    bool step();

    [[nodiscard]] const ReferenceState& state() const noexcept { return state_; }
    [[nodiscard]] const RunResult& result() const noexcept { return result_; }

  private:
    void record_year();
    void finish(EndCause cause);

    const Scenario* scenario_;
    std::vector<InterventionSpec> interventions_;
    RandomStream rng_{0, 0};
    ReferenceState state_;
    RunResult result_;
    bool finished_ = true;
};

}  // namespace regiosim::reference

#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "regiosim/core/engine.hpp"
#include "regiosim/core/scenario.hpp"
#include "regiosim/experiment/arm_outcomes.hpp"

namespace regiosim {

/// How to run the arms of one scenario.
struct ReplicationPlan {
    std::vector<std::string> arms;  ///< empty: every arm of the scenario
    int replications = 0;           ///< 0: the scenario's own number
    std::uint64_t seed = 0;         ///< run seed; every arm uses the same (seed, replicate) pairs
    bool seed_given = false;        ///< false: the scenario's seed
    int threads = 0;                ///< 0: all cores
    EngineKind engine = EngineKind::fast;
};

/// Called now and then with (runs done, runs in all); may be empty.
using ProgressCallback = std::function<void(std::size_t, std::size_t)>;

/// Runs every replicate of every requested arm. Replicate r of every arm runs with run index r
/// and the same seed, so arms differ only by their interventions (common random numbers), and
/// the result is identical whatever the number of threads.
[[nodiscard]] std::vector<ArmOutcomes> run_replications(const Scenario& scenario,
                                                        const ReplicationPlan& plan,
                                                        const ProgressCallback& progress = {});

}  // namespace regiosim

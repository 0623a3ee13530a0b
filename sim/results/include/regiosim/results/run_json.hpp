#pragma once

#include <nlohmann/json.hpp>

#include "regiosim/core/run_result.hpp"
#include "regiosim/core/scenario.hpp"

namespace regiosim {

/// A run as JSON: summary, yearly trajectories, spending per intervention and the story.
[[nodiscard]] nlohmann::json run_to_json(const RunResult& result, const Scenario& scenario,
                                         const Arm& arm,
                                         const std::vector<InterventionSpec>& interventions,
                                         std::uint64_t seed, std::uint64_t run_index);

}  // namespace regiosim

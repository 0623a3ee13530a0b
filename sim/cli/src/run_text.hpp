#pragma once

#include <cstdint>
#include <vector>

#include "regiosim/core/run_result.hpp"
#include "regiosim/core/scenario.hpp"

namespace regiosim::cli {

/// Prints one run as text: summary, yearly table and the story of what happened.
void print_run_text(const RunResult& r, const Scenario& scenario, const Arm& arm,
                    const std::vector<InterventionSpec>& interventions, std::uint64_t seed,
                    std::uint64_t run_index);

}  // namespace regiosim::cli

#pragma once

#include <cstdint>

#include "regiosim/experiment/run_table.hpp"
#include "regiosim/experiment/sweep_plan.hpp"
#include "regiosim/scenario/scenario_template.hpp"

namespace regiosim {

/// Runs [first, last) of a sweep and replaces `out` with what they produced, rows in run-id
/// order. Parallel over runs in the caller's oneTBB arena, one Simulation per thread and
/// (point, arm); the content does not depend on the number of threads.
void run_sweep_block(const SweepPlan& plan, const ScenarioTemplate& scenario, std::int64_t first,
                     std::int64_t last, RunTable& out);

}  // namespace regiosim

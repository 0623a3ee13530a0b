#pragma once

#include <string>
#include <vector>

#include "regiosim/core/intervention.hpp"
#include "regiosim/core/run_result.hpp"
#include "regiosim/core/scenario.hpp"

namespace regiosim {

/// One event as a sentence, e.g. "month 27: the key figure of Da Vinci College left; trust in
/// them fell from 0.71 to 0.30".
[[nodiscard]] std::string describe_event(const Event& event, const Scenario& scenario,
                                         const std::vector<InterventionSpec>& interventions);

/// The whole event log of a run, one sentence per line.
[[nodiscard]] std::vector<std::string> tell_story(
    const RunResult& result, const Scenario& scenario,
    const std::vector<InterventionSpec>& interventions);

}  // namespace regiosim

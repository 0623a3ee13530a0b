#pragma once

// Tests of each arm against the baseline (arms[0]) that `analyze` reports beside the what-if
// table: the log-rank test of equal survival (R's survdiff) and the Grambsch–Therneau test of
// proportional hazards for the arm's Cox model (R's cox.zph), which says whether the hazard
// ratio in the table may be read as one number over the whole horizon.

#include <nlohmann/json.hpp>
#include <vector>

#include "regiosim/analysis/arm_comparison.hpp"

namespace regiosim {

/// One object per arm after the baseline: {"arm", "logrank_chisq", "logrank_df",
/// "logrank_p_value", "ph_chisq", "ph_df", "ph_p_value"}; the proportional-hazards fields are
/// null where the Cox model cannot be fitted (no event in one of the two arms). Without any
/// event the log-rank statistic is 0 on 0 df with p = 1 (R: df = -1, p = NA).
[[nodiscard]] nlohmann::json arm_tests_json(const std::vector<analysis::ArmSample>& samples);

}  // namespace regiosim

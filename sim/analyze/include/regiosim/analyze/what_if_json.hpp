#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "regiosim/analysis/arm_comparison.hpp"

namespace regiosim {

/// The what-if table as JSON, one object per arm (layout in results_analysis.hpp); shared by
/// `compare --json`, `analyze --json` and the report.
[[nodiscard]] nlohmann::json what_if_json(const std::vector<analysis::ArmComparison>& rows);

/// An estimate with its interval as {"estimate", "lower", "upper"}; null when undefined,
/// non-finite bounds as null.
[[nodiscard]] nlohmann::json interval_json(const analysis::EstimateCi& interval);

/// The name of an end-cause code ("drift"), or "cause N" for an unknown code.
[[nodiscard]] std::string end_cause_label(int code);

}  // namespace regiosim

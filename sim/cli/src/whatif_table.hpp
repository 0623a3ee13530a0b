#pragma once

#include <string>
#include <vector>

#include "regiosim/analysis/arm_comparison.hpp"

namespace regiosim::cli {

/// The what-if table as aligned text for a terminal.
[[nodiscard]] std::string whatif_text(const std::vector<analysis::ArmComparison>& rows,
                                      double horizon_months);
/// The same as CSV, one row per arm, numbers unrounded.
[[nodiscard]] std::string whatif_csv(const std::vector<analysis::ArmComparison>& rows);

}  // namespace regiosim::cli

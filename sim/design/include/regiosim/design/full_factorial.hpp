#pragma once

#include <Eigen/Dense>
#include <vector>

/// @file
/// Full factorial designs: every combination of every factor's levels.

namespace regiosim::design {

/// All combinations of `levels[j]` equally spaced unit values 0, 1/(L-1), …, 1 per factor j,
/// one row per combination (prod(levels) rows, levels.size() columns). Row order is that of
/// nested loops with the last factor innermost: the last factor varies fastest, the first
/// slowest, so row r has level (r / prod(levels[j+1..])) mod levels[j] in column j.
/// @throws DesignError if there are no factors, a factor has fewer than 2 levels, or the
/// number of rows would not fit in an int.
[[nodiscard]] Eigen::MatrixXd full_factorial(const std::vector<int>& levels);

}  // namespace regiosim::design

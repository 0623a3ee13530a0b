#pragma once

#include <span>

/// @file
/// Sample quantiles as R computes them by default.

namespace regiosim::analysis {

/// The type-7 sample quantile (R's default, Hyndman & Fan 1996) of `sorted`, which must be in
/// ascending order with no NaN: with h = (n - 1) p, lo = floor(h), the quantile is
/// x[lo] + (h - lo) (x[lo+1] - x[lo]), evaluated as R does, (1 - g) x[lo] + g x[lo+1], and
/// x[lo] itself when g = 0 or x[lo+1] == x[lo] (so infinite values pass through).
/// Returns NaN for an empty sample.
/// @throws InvalidDataError if p is not in [0, 1].
[[nodiscard]] double quantile_type7(std::span<const double> sorted, double p);

}  // namespace regiosim::analysis

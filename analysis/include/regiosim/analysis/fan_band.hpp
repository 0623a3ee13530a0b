#pragma once

#include <Eigen/Dense>
#include <optional>
#include <span>
#include <vector>

/// @file
/// Fan bands: how a quantity spreads over runs, month by month (the shaded bands of a fan
/// chart around the median trajectory).

namespace regiosim::analysis {

struct FanBandOptions {
    /// Quantile levels, each in [0, 1]; the bands are read in pairs around the median.
    std::vector<double> probabilities{0.10, 0.25, 0.50, 0.75, 0.90};
    /// Number of time indices in the output (0 … time_count-1), e.g. the horizon in months.
    /// Unset: up to the largest time index in the input.
    std::optional<int> time_count = std::nullopt;
};

/// Per time index, the number of values and their quantiles.
struct FanBand {
    std::vector<double> probabilities;  ///< column labels of `quantiles`
    std::vector<int> count;             ///< non-NaN values at time index t (row t)
    Eigen::MatrixXd quantiles;          ///< time indices × probabilities; NaN where count is 0
};

/// The fan band of values given in long format: value[r] was observed at time index
/// time_index[r] (any order, any number of values per index, e.g. one per run). Quantiles are
/// R's default (type 7, see quantile_type7). NaN values are ignored, as R's na.rm = TRUE; a time
/// index with no values left has count 0 and NaN quantiles. Infinite values are kept.
/// @throws InvalidDataError if the spans differ in length, a time index is negative or not
/// below options.time_count, a probability is outside [0, 1], or time_count is negative.
[[nodiscard]] FanBand fan_band(std::span<const int> time_index, std::span<const double> value,
                               const FanBandOptions& options = {});

}  // namespace regiosim::analysis

#pragma once

#include <Eigen/Dense>
#include <vector>

/// @file
/// One-at-a-time designs: a baseline, then each factor swept alone with the others held at the
/// baseline. Cheap and easy to read as curves; blind to interactions.

namespace regiosim::design {

struct OneAtATimeDesign {
    /// Row 0 is the base point; then, for factor i = 0 … k-1, `levels` rows with factor i at
    /// 0, 1/(levels-1), …, 1 and every other factor at its base value: factor i's sweep is rows
    /// 1 + i levels … i levels + levels. A sweep value equal to the base value repeats the base
    /// point on purpose, so every curve has all its levels.
    Eigen::MatrixXd points;
    /// One entry per row: the factor that moved, -1 for the base point.
    std::vector<int> moved_factor;
    int levels = 0;
};

/// The one-at-a-time design around `base` (unit values of the baseline scenario).
/// @throws DesignError if base is empty or has values outside [0, 1] or NaN, or levels < 2.
[[nodiscard]] OneAtATimeDesign one_at_a_time(const Eigen::VectorXd& base, int levels);

}  // namespace regiosim::design

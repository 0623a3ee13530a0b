#pragma once

#include <Eigen/Dense>
#include <vector>

/// @file
/// From the unit hypercube, where every design lives, to the values a scenario factor takes.

namespace regiosim::design {

/// How unit values are spread over a factor's range.
enum class FactorScale {
    linear,  ///< lo + u (hi - lo)
    log,     ///< lo (hi / lo)^u: equal ratios get equal shares, for rates and sizes
};

/// The range of one factor of an experiment.
struct FactorRange {
    double lo = 0.0;
    double hi = 1.0;
    FactorScale scale = FactorScale::linear;
    /// Whole-number factors (counts of partners, months). See map_unit_value for how unit values
    /// become integers.
    bool integer = false;
};

/// Throws DesignError unless lo < hi are finite, lo > 0 for a log scale, and an integer factor's
/// range contains at least two whole numbers.
void validate(const FactorRange& range);

/// The factor value for unit value `u` in [0, 1] (values outside are clamped).
///
/// A continuous factor maps linearly or logarithmically, so u = 0 gives lo and u = 1 gives hi.
/// An integer factor on a linear scale splits [0, 1] into equal bins, one per whole number
/// ceil(lo) … floor(hi): a uniform design then gives every value the same share (rounding
/// lo + u (hi - lo) would give the two end values half a share each), and a p-level grid with p
/// equal to the number of values hits each value once. An integer factor on a log scale rounds
/// the log-mapped value to the nearest whole number in range.
/// @throws DesignError if the range is invalid or u is NaN.
[[nodiscard]] double map_unit_value(const FactorRange& range, double u);

/// map_unit_value applied to every row of a design; one range per column.
/// @throws DesignError if the number of ranges is not the number of columns.
[[nodiscard]] Eigen::MatrixXd map_unit_design(const Eigen::MatrixXd& unit_points,
                                              const std::vector<FactorRange>& ranges);

}  // namespace regiosim::design

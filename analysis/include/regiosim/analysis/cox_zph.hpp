#pragma once

#include <Eigen/Dense>
#include <span>
#include <vector>

#include "regiosim/analysis/cox_model.hpp"
#include "regiosim/analysis/distributions.hpp"

/// @file
/// The test of proportional hazards for a fitted Cox model (Grambsch–Therneau), as R's cox.zph.

namespace regiosim::analysis {

/// One test per covariate column and a global test on all columns jointly.
struct ProportionalHazardsTest {
    std::vector<ChiSquareTest> covariates;  ///< 1 df each, in column order
    ChiSquareTest global;                   ///< df = number of columns
};

/// Tests whether each coefficient of `fit` varies with g(t) = 1 - KM(t-), the transform "km"
/// that R's `cox.zph(fit)` uses by default. Like R survival >= 3.0 this is a score test of
/// adding x * (g(t) - mean g) to the model, evaluated at the fitted coefficients, using the
/// same tie method as the fit. A small p-value is evidence against proportional hazards.
///
/// `time`, `event` and `X` must be the data `fit` was estimated from.
/// @throws InvalidDataError on mismatched sizes.
/// @throws ModelFitError if the extended information matrix is singular.
[[nodiscard]] ProportionalHazardsTest cox_zph(const CoxFit& fit, std::span<const double> time,
                                              std::span<const int> event, const Eigen::MatrixXd& X);

}  // namespace regiosim::analysis

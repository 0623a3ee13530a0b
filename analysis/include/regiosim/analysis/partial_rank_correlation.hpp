#pragma once

#include <Eigen/Dense>

/// @file
/// Partial rank correlation coefficients (PRCC) of sampled factors with an output, for
/// Latin-hypercube and factorial designs (Marino, Hogue, Ray & Kirschner 2008, J Theor Biol
/// 254:178).

namespace regiosim::analysis {

struct PartialRankCorrelationOptions {
    double conf_level = 0.95;
};

/// PRCC per factor with a Fisher-z interval and a t-test p-value. An entry is NaN when the
/// coefficient is not defined: the factor's ranks are fixed by the other factors' (a constant
/// factor, or one collinear with the rest), or the output's ranks are (the output depends on
/// the other factors alone, in a rank-linear way), so one side has nothing left to correlate.
struct PartialRankCorrelation {
    int samples = 0;        ///< n, the design points
    Eigen::VectorXd prcc;   ///< in [-1, 1]; the sign is the direction of the monotone effect
    Eigen::VectorXd lower;  ///< interval for the PRCC
    Eigen::VectorXd upper;
    Eigen::VectorXd p_value;  ///< two-sided, H0: PRCC = 0
    double conf_level = 0.95;
};

/// The average ranks 1 … n of `values` (ties share the mean of the ranks they span, as R's
/// `rank(ties.method = "average")`).
[[nodiscard]] Eigen::VectorXd average_ranks(const Eigen::VectorXd& values);

/// PRCC of each column of `factors` (n × k, one row per design point) with `output` (n):
///
///  1. every column and the output are replaced by their average ranks;
///  2. for factor j, the rank of x_j and the rank of y are each regressed (least squares, with
///     an intercept) on the ranks of the other k - 1 factors;
///  3. PRCC_j is the Pearson correlation of the two residual vectors.
///
/// PRCC_j measures the monotone association of x_j with y once the (linear, on ranks) effect
/// of the other factors is removed; it is invariant under monotone transforms of x_j and y.
///
/// Inference treats PRCC_j as a partial correlation controlling for k - 1 variables (Fisher
/// 1924), which behaves as an ordinary correlation of n - (k - 1) points:
///  - interval: tanh(atanh(r) ± z_c / sqrt(n - k - 2)), z_c the normal critical value;
///  - p-value: T = r sqrt((n - k - 1) / (1 - r^2)) against Student's t with n - k - 1 degrees
///    of freedom (the test of Marino et al. 2008 with its p = k - 1 discounted factors).
/// Both are approximate for ranks (exact for normal data); r = ±1 gives the interval [r, r]
/// and p = 0.
/// @throws InvalidDataError if the lengths do not match, k < 1, n < k + 3 (no degrees of
/// freedom for the interval), a value is not finite or conf_level is not in (0, 1).
/// @throws ModelFitError if the output is constant (its ranks carry no order to correlate).
[[nodiscard]] PartialRankCorrelation partial_rank_correlation(
    const Eigen::MatrixXd& factors, const Eigen::VectorXd& output,
    const PartialRankCorrelationOptions& options = {});

}  // namespace regiosim::analysis

#pragma once

#include <Eigen/Dense>
#include <cstdint>

/// @file
/// Variance-based sensitivity indices (Sobol 1993) from the outputs of a Saltelli design
/// (regiosim::design::saltelli_design; see its header for the design and run order).

namespace regiosim::analysis {

struct SobolIndicesOptions {
    int bootstrap_resamples = 1000;  ///< 0: no intervals (bounds are NaN)
    double conf_level = 0.95;
    std::uint64_t seed = 0;  ///< for the bootstrap; the estimates themselves have no randomness
};

/// First- and total-order indices per factor, with bootstrap percentile intervals.
struct SobolIndices {
    int base_size = 0;            ///< N
    double variance = 0.0;        ///< V, over the 2N pooled outputs f(A), f(B)
    Eigen::VectorXd first_order;  ///< S_i
    Eigen::VectorXd first_lower;  ///< percentile interval for S_i
    Eigen::VectorXd first_upper;
    Eigen::VectorXd total_order;  ///< S_Ti
    Eigen::VectorXd total_lower;  ///< percentile interval for S_Ti
    Eigen::VectorXd total_upper;
    int bootstrap_resamples = 0;
    double conf_level = 0.95;
};

/// Sobol indices from f(A) (N), f(B) (N) and f(AB_i) (N × k, column i):
///
///     V     = variance of the pooled f(A), f(B), dividing by 2N
///     S_i   = mean_j f(B)_j (f(AB_i)_j - f(A)_j) / V            (Saltelli et al. 2010, eq. (b))
///     S_Ti  = mean_j (f(A)_j - f(AB_i)_j)^2 / 2 / V              (Jansen 1999)
///
/// Both estimators are unbiased for the numerators; S_i can come out slightly negative (or S_T
/// above 1) for a factor with a small effect, which is left as is rather than clipped.
/// Intervals: the N base rows j are resampled with replacement (the same rows for every factor
/// and for V), the indices recomputed, and the (1 - c)/2 and (1 + c)/2 type-7 quantiles of the
/// resampled values taken. Deterministic given options.seed (Boost's mt19937_64, whose output is
/// fixed by the standard, and Boost's own integer distribution). For a quasi-random (Sobol)
/// design the bootstrap treats rows as independent, so its intervals are wider than the true
/// error of the estimate: conservative, not exact.
/// @throws InvalidDataError if lengths do not match, N < 2, k < 1, an output is not finite,
/// bootstrap_resamples < 0 or conf_level is not in (0, 1).
/// @throws ModelFitError if V is 0 (the output never varies, so no index is defined).
[[nodiscard]] SobolIndices sobol_indices(const Eigen::VectorXd& f_a, const Eigen::VectorXd& f_b,
                                         const Eigen::MatrixXd& f_ab,
                                         const SobolIndicesOptions& options = {});

}  // namespace regiosim::analysis

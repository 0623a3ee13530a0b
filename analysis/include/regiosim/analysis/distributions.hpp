#pragma once

/// @file
/// Tail probabilities and quantiles of the normal and chi-square distributions (Boost.Math),
/// and the chi-square test result shared by the log-rank, Cox and proportional-hazards tests.

namespace regiosim::analysis {

/// P(X >= statistic) for X ~ chi-square with `df` degrees of freedom, as R's
/// `pchisq(statistic, df, lower.tail = FALSE)`. Returns 1 for df == 0 and NaN for a NaN statistic.
[[nodiscard]] double chi_square_upper_p(double statistic, double df);

/// P(Z >= z) for a standard normal Z, as R's `pnorm(z, lower.tail = FALSE)`.
[[nodiscard]] double normal_upper_p(double z);

/// Two-sided p-value 2 P(Z >= |z|), as reported by R's summary.coxph.
[[nodiscard]] double normal_two_sided_p(double z);

/// The standard normal quantile, as R's `qnorm(p)`; p must lie in (0, 1).
/// @throws InvalidDataError otherwise.
[[nodiscard]] double normal_quantile(double p);

/// Every interval's confidence level: returns when 0 < conf_level < 1.
/// @throws InvalidDataError naming the value and the valid range otherwise.
void require_conf_level(double conf_level);

/// The two-sided critical value for a confidence level, e.g. 1.959964 for 0.95.
/// @throws InvalidDataError unless 0 < conf_level < 1.
[[nodiscard]] double normal_critical_value(double conf_level);

/// A chi-square test: its statistic, degrees of freedom and upper-tail p-value.
struct ChiSquareTest {
    double statistic = 0.0;
    int df = 0;
    double p_value = 1.0;
};

/// Fills in the p-value of a chi-square statistic.
[[nodiscard]] ChiSquareTest make_chi_square_test(double statistic, int df);

}  // namespace regiosim::analysis

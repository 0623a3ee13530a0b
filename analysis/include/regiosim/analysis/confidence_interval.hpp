#pragma once

#include <string_view>

/// @file
/// Pointwise confidence intervals for a survival probability, as R's survival package
/// computes them (survfit's `conf.type`).

namespace regiosim::analysis {

/// The scale on which the normal approximation is made.
enum class ConfidenceType {
    log_log,  ///< on log(-log S); R's conf.type = "log-log"; never leaves (0, 1). The default here.
    plain,    ///< on S itself, clipped to [0, 1]; R's conf.type = "plain".
    log,      ///< on log S, upper limit clipped to 1; R's conf.type = "log" (R's own default).
};

/// "log-log", "plain" or "log", the names R uses.
[[nodiscard]] std::string_view to_string(ConfidenceType type) noexcept;

/// A two-sided interval. Either limit is NaN where R reports NA.
struct Interval {
    double lower = 0.0;
    double upper = 0.0;
};

/// The confidence interval for a survival probability.
///
/// @param surv        the estimate S(t).
/// @param std_err_log the standard error of log S(t) (Greenwood), i.e. R's `survfit()$std.err`;
///                    infinite where S(t) has dropped to 0.
/// @param type        the transform.
/// @param conf_level  e.g. 0.95.
///
/// Matches R's `survfit_confint`: log-log gives NaN limits where S is 0 or 1, log gives NaN where
/// S is 0, and every transform gives NaN where the standard error is not finite.
[[nodiscard]] Interval survival_confidence_interval(double surv, double std_err_log,
                                                    ConfidenceType type, double conf_level);

}  // namespace regiosim::analysis

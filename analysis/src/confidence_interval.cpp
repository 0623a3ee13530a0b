#include "regiosim/analysis/confidence_interval.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "regiosim/analysis/distributions.hpp"

namespace regiosim::analysis {

namespace {
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
}

std::string_view to_string(ConfidenceType type) noexcept {
    switch (type) {
        case ConfidenceType::log_log:
            return "log-log";
        case ConfidenceType::plain:
            return "plain";
        case ConfidenceType::log:
            return "log";
    }
    return "unknown";
}

Interval survival_confidence_interval(double surv, double std_err_log, ConfidenceType type,
                                      double conf_level) {
    const double z = normal_critical_value(conf_level);
    // Where S has dropped to 0 the Greenwood sum is infinite; R's arithmetic then gives NA
    // for every transform, and so do we.
    if (!std::isfinite(std_err_log) || std::isnan(surv)) {
        return {nan, nan};
    }
    switch (type) {
        case ConfidenceType::plain: {
            const double half = z * std_err_log * surv;
            return {std::max(surv - half, 0.0), std::min(surv + half, 1.0)};
        }
        case ConfidenceType::log: {
            if (surv == 0.0) {
                return {nan, nan};
            }
            const double log_s = std::log(surv);
            return {std::exp(log_s - z * std_err_log),
                    std::min(std::exp(log_s + z * std_err_log), 1.0)};
        }
        case ConfidenceType::log_log: {
            // The transform is undefined at 0 and 1; R reports NA there, even where se = 0.
            if (surv == 0.0 || surv == 1.0) {
                return {nan, nan};
            }
            const double log_s = std::log(surv);
            const double half = z * std_err_log / log_s;  // negative: log S < 0
            const double centre = std::log(-log_s);
            return {std::exp(-std::exp(centre - half)), std::exp(-std::exp(centre + half))};
        }
    }
    return {nan, nan};
}

}  // namespace regiosim::analysis

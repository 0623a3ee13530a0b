#include "regiosim/analysis/sample_quantile.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "regiosim/analysis/errors.hpp"

namespace regiosim::analysis {

double quantile_type7(std::span<const double> sorted, double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
        throw InvalidDataError("quantile probability " + std::to_string(p) + " is outside [0, 1]");
    }
    if (sorted.empty()) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    // R's 1-based index, computed in the same order so that rounding agrees with R's too.
    const double index = 1.0 + static_cast<double>(sorted.size() - 1) * p;
    const double lo = std::floor(index);
    const auto i = static_cast<std::size_t>(lo) - 1;
    const double low = sorted[i];
    const double g = index - lo;
    if (g == 0.0 || i + 1 >= sorted.size() || sorted[i + 1] == low) {
        return low;
    }
    return (1.0 - g) * low + g * sorted[i + 1];
}

}  // namespace regiosim::analysis

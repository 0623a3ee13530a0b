#include "regiosim/design/factor_range.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "regiosim/design/design_error.hpp"

namespace regiosim::design {

void validate(const FactorRange& range) {
    if (!std::isfinite(range.lo) || !std::isfinite(range.hi) || !(range.lo < range.hi)) {
        throw DesignError("factor range [" + std::to_string(range.lo) + ", " +
                          std::to_string(range.hi) +
                          "] is empty or not finite; a range needs finite lo < hi");
    }
    if (range.scale == FactorScale::log && range.lo <= 0.0) {
        throw DesignError("factor range [" + std::to_string(range.lo) + ", " +
                          std::to_string(range.hi) +
                          "] is log-scaled but lo <= 0; a log scale needs lo > 0");
    }
    if (range.integer && std::floor(range.hi) - std::ceil(range.lo) < 1.0) {
        throw DesignError("integer factor range [" + std::to_string(range.lo) + ", " +
                          std::to_string(range.hi) +
                          "] holds fewer than two whole numbers; widen it or fix the factor");
    }
}

double map_unit_value(const FactorRange& range, double u) {
    validate(range);
    if (std::isnan(u)) {
        throw DesignError("unit value is NaN; design points must lie in [0, 1]");
    }
    u = std::clamp(u, 0.0, 1.0);
    if (range.integer) {
        const double first = std::ceil(range.lo);
        const double last = std::floor(range.hi);
        if (range.scale == FactorScale::log) {
            const double value = range.lo * std::pow(range.hi / range.lo, u);
            return std::clamp(std::round(value), first, last);
        }
        const double bins = last - first + 1.0;
        return std::min(first + std::floor(u * bins), last);
    }
    // The endpoints exactly, whatever the rounding of the formulas below.
    if (u == 0.0) {
        return range.lo;
    }
    if (u == 1.0) {
        return range.hi;
    }
    if (range.scale == FactorScale::log) {
        return range.lo * std::pow(range.hi / range.lo, u);
    }
    return range.lo + u * (range.hi - range.lo);
}

Eigen::MatrixXd map_unit_design(const Eigen::MatrixXd& unit_points,
                                const std::vector<FactorRange>& ranges) {
    if (static_cast<Eigen::Index>(ranges.size()) != unit_points.cols()) {
        throw DesignError("a design with " + std::to_string(unit_points.cols()) +
                          " factors was given " + std::to_string(ranges.size()) +
                          " factor ranges; give one range per factor");
    }
    Eigen::MatrixXd values(unit_points.rows(), unit_points.cols());
    for (Eigen::Index j = 0; j < unit_points.cols(); ++j) {
        const FactorRange& range = ranges[static_cast<std::size_t>(j)];
        for (Eigen::Index i = 0; i < unit_points.rows(); ++i) {
            values(i, j) = map_unit_value(range, unit_points(i, j));
        }
    }
    return values;
}

}  // namespace regiosim::design

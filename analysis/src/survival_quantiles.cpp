#include "regiosim/analysis/survival_quantiles.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "regiosim/analysis/errors.hpp"

namespace regiosim::analysis {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// R's tolerance for "S equals the level": sqrt(.Machine$double.eps).
const double tolerance = std::sqrt(std::numeric_limits<double>::epsilon());

// print.survfit's rule (survmean's minmin): the first time the curve is <= 0.5; if it sits at
// 0.5 there, the midpoint to the first time it drops below that value. NaN values (undefined
// confidence limits) are skipped, as R drops NAs.
double first_crossing_of_half(const std::vector<double>& time, const std::vector<double>& curve) {
    std::vector<std::size_t> below;
    for (std::size_t i = 0; i < curve.size(); ++i) {
        if (!std::isnan(curve[i]) && curve[i] < 0.5 + tolerance) {
            below.push_back(i);
        }
    }
    if (below.empty()) {
        return nan;
    }
    const double first = curve[below.front()];
    if (std::fabs(first - 0.5) < tolerance) {
        for (std::size_t i : below) {
            if (curve[i] < first) {
                return (time[below.front()] + time[i]) / 2.0;
            }
        }
    }
    return time[below.front()];
}

// quantile.survfit's rule (its helper findq) for one probability. `x` starts with the origin
// and `y` = 1 - curve starts with 0; NaN entries are undefined confidence limits.
double find_quantile(const std::vector<double>& x, const std::vector<double>& y, double p) {
    double y_max = -std::numeric_limits<double>::infinity();
    for (double v : y) {
        if (!std::isnan(v)) {
            y_max = std::max(y_max, v);
        }
    }
    if (y_max < p) {
        return nan;
    }
    const double x_max = x.back();
    // Keep the first time at which each distinct value occurs (R: y[!duplicated(y)]; one NaN
    // survives as well, and matters only when it is the last entry).
    std::vector<double> xs;
    std::vector<double> ys;
    std::unordered_set<double> seen;
    bool seen_nan = false;
    for (std::size_t i = 0; i < y.size(); ++i) {
        const bool duplicate = std::isnan(y[i]) ? seen_nan : !seen.insert(y[i]).second;
        seen_nan = seen_nan || std::isnan(y[i]);
        if (!duplicate) {
            xs.push_back(x[i]);
            ys.push_back(y[i]);
        }
    }
    // R interpolates with approx(y + shift, index, p, "constant", f = 1): the point with the
    // smallest value >= p (approx sorts by value, so this also holds for a confidence limit that
    // is not monotone).
    auto first_reaching = [&](double shift) -> std::optional<std::size_t> {
        std::optional<std::size_t> best;
        for (std::size_t i = 0; i < ys.size(); ++i) {
            if (!std::isnan(ys[i]) && ys[i] + shift >= p && (!best || ys[i] < ys[*best])) {
                best = i;
            }
        }
        return best;
    };
    const auto lo = first_reaching(tolerance);
    const auto hi = first_reaching(-tolerance);
    double quantile = (lo && hi) ? (xs[*lo] + xs[*hi]) / 2.0 : nan;
    if (p == 0.0) {
        quantile = xs.front();
    }
    // If 1 - S sits at p up to the last time, the midpoint uses the very last time.
    if (!std::isnan(ys.back()) && std::fabs(p - ys.back()) < tolerance) {
        quantile = lo ? (xs[*lo] + x_max) / 2.0 : nan;
    }
    return quantile;
}

double quantile_of_curve(const KaplanMeier& km, const std::vector<double>& curve, double p) {
    std::vector<double> x{0.0};
    std::vector<double> y{0.0};
    x.insert(x.end(), km.time.begin(), km.time.end());
    for (double s : curve) {
        y.push_back(1.0 - s);
    }
    return find_quantile(x, y, p);
}

}  // namespace

SurvivalQuantile median_survival(const KaplanMeier& km) {
    SurvivalQuantile out;
    out.probability = 0.5;
    out.time = first_crossing_of_half(km.time, km.surv);
    out.lower = first_crossing_of_half(km.time, km.lower);
    out.upper = first_crossing_of_half(km.time, km.upper);
    return out;
}

SurvivalQuantile survival_quantile(const KaplanMeier& km, double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
        throw InvalidDataError("survival quantile requested for p = " + std::to_string(p) +
                               "; p is an event probability between 0 and 1");
    }
    SurvivalQuantile out;
    out.probability = p;
    out.time = quantile_of_curve(km, km.surv, p);
    out.lower = quantile_of_curve(km, km.lower, p);
    out.upper = quantile_of_curve(km, km.upper, p);
    return out;
}

}  // namespace regiosim::analysis

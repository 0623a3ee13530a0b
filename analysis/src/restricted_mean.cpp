#include "regiosim/analysis/restricted_mean.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "regiosim/analysis/distributions.hpp"
#include "regiosim/analysis/errors.hpp"

namespace regiosim::analysis {

namespace {

void require_tau(double tau) {
    if (!std::isfinite(tau) || tau <= 0.0) {
        throw InvalidDataError("restricted mean requested up to tau = " + std::to_string(tau) +
                               "; tau must be a finite number of months > 0");
    }
}

}  // namespace

// Follows R survival's survmean (used by print.survfit with rmean = tau), so that estimates
// and standard errors agree with R to rounding; survRM2::rmst2 uses the same variance.
RestrictedMean rmst(const KaplanMeier& km, double tau) {
    require_tau(tau);
    // Rows up to tau, then tau itself carrying the last value: rectangles of width
    // (t_j - t_{j-1}) at height S(t_{j-1}), starting from S = 1 at time 0.
    std::vector<double> knots;
    std::vector<double> hazard_term;  // d / (n (n - d)) at each row, 0 at tau
    std::vector<double> rectangles;
    double previous_time = 0.0;
    double previous_surv = 1.0;
    for (std::size_t i = 0; i < km.size() && km.time[i] <= tau; ++i) {
        rectangles.push_back((km.time[i] - previous_time) * previous_surv);
        const int survivors = km.n_risk[i] - km.n_event[i];
        hazard_term.push_back(survivors == 0 ? 0.0
                                             : static_cast<double>(km.n_event[i]) /
                                                   (static_cast<double>(km.n_risk[i]) *
                                                    static_cast<double>(survivors)));
        previous_time = km.time[i];
        previous_surv = km.surv[i];
    }
    rectangles.push_back((tau - previous_time) * previous_surv);
    hazard_term.push_back(0.0);

    double area = 0.0;
    for (double r : rectangles) {
        area += r;
    }
    // Area under the curve from row i to tau is the sum of the rectangles after i; accumulate
    // from the right, in the same order as R, so rounding matches too.
    double variance = 0.0;
    double area_after = 0.0;
    for (std::size_t k = rectangles.size() - 1; k >= 1; --k) {
        area_after += rectangles[k];
        variance += area_after * area_after * hazard_term[k - 1];
    }

    RestrictedMean out;
    out.tau = tau;
    out.estimate = area;
    out.std_err = std::sqrt(variance);
    const double z = normal_critical_value(km.conf_level);
    out.lower = area - z * out.std_err;
    out.upper = area + z * out.std_err;
    return out;
}

RestrictedMeanDifference rmst_difference(const KaplanMeier& arm1, const KaplanMeier& arm0,
                                         double tau, double conf_level) {
    const RestrictedMean r1 = rmst(arm1, tau);
    const RestrictedMean r0 = rmst(arm0, tau);
    const double z = normal_critical_value(conf_level);
    RestrictedMeanDifference out;
    out.tau = tau;
    out.difference = r1.estimate - r0.estimate;
    out.std_err = std::sqrt(r1.std_err * r1.std_err + r0.std_err * r0.std_err);
    out.lower = out.difference - z * out.std_err;
    out.upper = out.difference + z * out.std_err;
    out.p_value = out.std_err > 0.0 ? normal_two_sided_p(out.difference / out.std_err)
                                    : (out.difference == 0.0 ? 1.0 : 0.0);
    return out;
}

}  // namespace regiosim::analysis

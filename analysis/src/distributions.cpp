#include "regiosim/analysis/distributions.hpp"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <limits>
#include <string>

#include "regiosim/analysis/errors.hpp"

namespace regiosim::analysis {

namespace {

// Report domain problems as NaN instead of throwing: callers pass statistics that may
// legitimately be NaN (e.g. a degenerate test) and decide themselves what that means.
using Policy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>>;

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

}  // namespace

double chi_square_upper_p(double statistic, double df) {
    if (std::isnan(statistic) || std::isnan(df) || df < 0.0) {
        return nan;
    }
    if (df == 0.0 || statistic <= 0.0) {
        return 1.0;
    }
    if (std::isinf(statistic)) {
        return 0.0;
    }
    const boost::math::chi_squared_distribution<double, Policy> dist(df);
    return boost::math::cdf(boost::math::complement(dist, statistic));
}

double normal_upper_p(double z) {
    if (std::isnan(z)) {
        return nan;
    }
    if (std::isinf(z)) {
        return z > 0 ? 0.0 : 1.0;
    }
    const boost::math::normal_distribution<double, Policy> dist(0.0, 1.0);
    return boost::math::cdf(boost::math::complement(dist, z));
}

double normal_two_sided_p(double z) {
    return 2.0 * normal_upper_p(std::fabs(z));
}

double normal_quantile(double p) {
    if (!(p > 0.0 && p < 1.0)) {
        throw InvalidDataError("normal quantile requested for p = " + std::to_string(p) +
                               "; p must lie strictly between 0 and 1");
    }
    const boost::math::normal_distribution<double, Policy> dist(0.0, 1.0);
    return boost::math::quantile(dist, p);
}

void require_conf_level(double conf_level) {
    if (!(conf_level > 0.0 && conf_level < 1.0)) {
        throw InvalidDataError("confidence level " + std::to_string(conf_level) +
                               " is out of range; use a value strictly between 0 and 1, e.g. 0.95");
    }
}

double normal_critical_value(double conf_level) {
    require_conf_level(conf_level);
    return normal_quantile(1.0 - (1.0 - conf_level) / 2.0);
}

ChiSquareTest make_chi_square_test(double statistic, int df) {
    return ChiSquareTest{statistic, df, chi_square_upper_p(statistic, df)};
}

}  // namespace regiosim::analysis

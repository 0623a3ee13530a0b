#include "regiosim/analysis/partial_rank_correlation.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "regiosim/analysis/distributions.hpp"
#include "regiosim/analysis/errors.hpp"

namespace regiosim::analysis {

namespace {

// A residual this small relative to what it was taken from is rounding, not variation: the
// regressors reproduce the vector exactly, and correlating rounding noise would give any value.
constexpr double no_variation_left = 1e-10;

// The part of `v` the columns of the factorised matrix cannot express. Projecting with the
// Q of a rank-revealing QR keeps this right when the other factors are collinear (e.g. two
// factors moved together by a hand-made design), where the normal equations would fail.
Eigen::VectorXd residual(const Eigen::ColPivHouseholderQR<Eigen::MatrixXd>& qr,
                         const Eigen::VectorXd& v) {
    Eigen::VectorXd c = v;
    c.applyOnTheLeft(qr.householderQ().adjoint());
    c.head(qr.rank()).setZero();
    c.applyOnTheLeft(qr.householderQ());
    return c;
}

bool has_variation(const Eigen::VectorXd& part, const Eigen::VectorXd& whole) {
    const double scale = (whole.array() - whole.mean()).matrix().norm();
    return scale > 0.0 && part.norm() > no_variation_left * scale;
}

}  // namespace

Eigen::VectorXd average_ranks(const Eigen::VectorXd& values) {
    const auto n = static_cast<std::size_t>(values.size());
    std::vector<Eigen::Index> order(n);
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](Eigen::Index a, Eigen::Index b) { return values(a) < values(b); });
    Eigen::VectorXd ranks(values.size());
    std::size_t first = 0;
    while (first < n) {
        std::size_t last = first;
        while (last + 1 < n && values(order[last + 1]) == values(order[first])) {
            ++last;
        }
        // Positions first … last (0-based) hold ranks first + 1 … last + 1; their mean.
        const double shared = 0.5 * static_cast<double>(first + last) + 1.0;
        for (std::size_t i = first; i <= last; ++i) {
            ranks(order[i]) = shared;
        }
        first = last + 1;
    }
    return ranks;
}

PartialRankCorrelation partial_rank_correlation(const Eigen::MatrixXd& factors,
                                                const Eigen::VectorXd& output,
                                                const PartialRankCorrelationOptions& options) {
    const Eigen::Index n = factors.rows();
    const Eigen::Index k = factors.cols();
    require_conf_level(options.conf_level);
    if (k < 1) {
        throw InvalidDataError("partial rank correlations need at least one factor");
    }
    if (output.size() != n) {
        throw InvalidDataError("partial rank correlations given " + std::to_string(n) +
                               " design points and " + std::to_string(output.size()) +
                               " outputs; there must be one output per point");
    }
    if (n < k + 3) {
        throw InvalidDataError("partial rank correlations of " + std::to_string(k) +
                               " factors need at least " + std::to_string(k + 3) +
                               " design points (k + 3) for an interval; got " + std::to_string(n));
    }
    if (!factors.allFinite() || !output.allFinite()) {
        throw InvalidDataError(
            "partial rank correlations given a factor value or output that is NaN or infinite");
    }
    if ((output.array() == output(0)).all()) {
        throw ModelFitError(
            "the output is the same at every design point, so no factor changes it and no "
            "rank correlation is defined");
    }

    Eigen::MatrixXd ranks(n, k);
    for (Eigen::Index j = 0; j < k; ++j) {
        ranks.col(j) = average_ranks(factors.col(j));
    }
    const Eigen::VectorXd output_ranks = average_ranks(output);

    const double nan = std::numeric_limits<double>::quiet_NaN();
    PartialRankCorrelation out;
    out.samples = static_cast<int>(n);
    out.conf_level = options.conf_level;
    out.prcc = Eigen::VectorXd::Constant(k, nan);
    out.lower = Eigen::VectorXd::Constant(k, nan);
    out.upper = Eigen::VectorXd::Constant(k, nan);
    out.p_value = Eigen::VectorXd::Constant(k, nan);

    const double z_half_width =
        normal_critical_value(options.conf_level) / std::sqrt(static_cast<double>(n - k - 2));
    const auto t_df = static_cast<double>(n - k - 1);
    const boost::math::students_t t_distribution(t_df);

    Eigen::MatrixXd others(n, k);
    for (Eigen::Index j = 0; j < k; ++j) {
        others.col(0).setOnes();
        for (Eigen::Index i = 0, c = 1; i < k; ++i) {
            if (i != j) {
                others.col(c++) = ranks.col(i);
            }
        }
        const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(others);
        const Eigen::VectorXd factor_part = residual(qr, ranks.col(j));
        const Eigen::VectorXd output_part = residual(qr, output_ranks);
        if (!has_variation(factor_part, ranks.col(j)) ||
            !has_variation(output_part, output_ranks)) {
            continue;
        }
        const double r = std::clamp(
            factor_part.dot(output_part) / (factor_part.norm() * output_part.norm()), -1.0, 1.0);
        out.prcc(j) = r;
        if (std::abs(r) == 1.0) {
            out.lower(j) = r;
            out.upper(j) = r;
            out.p_value(j) = 0.0;
            continue;
        }
        const double z = std::atanh(r);
        out.lower(j) = std::tanh(z - z_half_width);
        out.upper(j) = std::tanh(z + z_half_width);
        const double t = std::abs(r) * std::sqrt(t_df / (1.0 - r * r));
        out.p_value(j) = 2.0 * boost::math::cdf(boost::math::complement(t_distribution, t));
    }
    return out;
}

}  // namespace regiosim::analysis

#include "regiosim/analysis/sobol_indices.hpp"

#include <algorithm>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "regiosim/analysis/distributions.hpp"
#include "regiosim/analysis/errors.hpp"
#include "regiosim/analysis/sample_quantile.hpp"

namespace regiosim::analysis {

namespace {

void require_valid(const Eigen::VectorXd& f_a, const Eigen::VectorXd& f_b,
                   const Eigen::MatrixXd& f_ab, const SobolIndicesOptions& options) {
    if (f_a.size() != f_b.size() || f_ab.rows() != f_a.size()) {
        throw InvalidDataError("Sobol indices given f(A) of length " + std::to_string(f_a.size()) +
                               ", f(B) of length " + std::to_string(f_b.size()) +
                               " and f(AB) with " + std::to_string(f_ab.rows()) +
                               " rows; all must have the base size N");
    }
    if (f_a.size() < 2 || f_ab.cols() < 1) {
        throw InvalidDataError(
            "Sobol indices need a base size N >= 2 and at least one factor; got "
            "N = " +
            std::to_string(f_a.size()) + " and k = " + std::to_string(f_ab.cols()));
    }
    if (!f_a.allFinite() || !f_b.allFinite() || !f_ab.allFinite()) {
        throw InvalidDataError(
            "Sobol indices given a model output that is NaN or infinite; every "
            "run of the design needs a finite output");
    }
    if (options.bootstrap_resamples < 0) {
        throw InvalidDataError("bootstrap_resamples is " +
                               std::to_string(options.bootstrap_resamples) + "; it must be >= 0");
    }
    require_conf_level(options.conf_level);
}

struct Estimate {
    double variance = 0.0;
    Eigen::VectorXd first;
    Eigen::VectorXd total;
};

// The estimators over base rows `rows` (each row index may repeat, for the bootstrap).
Estimate estimate(const Eigen::VectorXd& f_a, const Eigen::VectorXd& f_b,
                  const Eigen::MatrixXd& f_ab, const std::vector<Eigen::Index>& rows) {
    const auto n = static_cast<double>(rows.size());
    const Eigen::Index k = f_ab.cols();
    double mean = 0.0;
    for (const Eigen::Index j : rows) {
        mean += f_a(j) + f_b(j);
    }
    mean /= 2.0 * n;
    double variance = 0.0;
    for (const Eigen::Index j : rows) {
        variance += (f_a(j) - mean) * (f_a(j) - mean) + (f_b(j) - mean) * (f_b(j) - mean);
    }
    variance /= 2.0 * n;

    Estimate out;
    out.variance = variance;
    out.first = Eigen::VectorXd::Zero(k);
    out.total = Eigen::VectorXd::Zero(k);
    for (Eigen::Index i = 0; i < k; ++i) {
        double first = 0.0;
        double total = 0.0;
        for (const Eigen::Index j : rows) {
            const double change = f_ab(j, i) - f_a(j);
            first += f_b(j) * change;
            total += change * change;
        }
        out.first(i) = first / n / variance;
        out.total(i) = total / (2.0 * n) / variance;
    }
    return out;
}

// Percentile interval of the finite resampled values (a resample whose V is 0 gives NaN).
std::pair<double, double> percentile_interval(std::vector<double>& values, double conf_level) {
    std::erase_if(values, [](double v) { return !std::isfinite(v); });
    std::sort(values.begin(), values.end());
    const double tail = (1.0 - conf_level) / 2.0;
    return {quantile_type7(values, tail), quantile_type7(values, 1.0 - tail)};
}

}  // namespace

SobolIndices sobol_indices(const Eigen::VectorXd& f_a, const Eigen::VectorXd& f_b,
                           const Eigen::MatrixXd& f_ab, const SobolIndicesOptions& options) {
    require_valid(f_a, f_b, f_ab, options);
    const Eigen::Index n = f_a.size();
    const Eigen::Index k = f_ab.cols();
    std::vector<Eigen::Index> rows(static_cast<std::size_t>(n));
    for (Eigen::Index j = 0; j < n; ++j) {
        rows[static_cast<std::size_t>(j)] = j;
    }
    const Estimate point = estimate(f_a, f_b, f_ab, rows);
    if (!(point.variance > 0.0)) {
        throw ModelFitError(
            "the model output has zero variance over f(A) and f(B), so no Sobol "
            "index is defined; check that the factors reach the output");
    }

    SobolIndices result;
    result.base_size = static_cast<int>(n);
    result.variance = point.variance;
    result.first_order = point.first;
    result.total_order = point.total;
    result.bootstrap_resamples = options.bootstrap_resamples;
    result.conf_level = options.conf_level;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    result.first_lower = Eigen::VectorXd::Constant(k, nan);
    result.first_upper = Eigen::VectorXd::Constant(k, nan);
    result.total_lower = Eigen::VectorXd::Constant(k, nan);
    result.total_upper = Eigen::VectorXd::Constant(k, nan);
    if (options.bootstrap_resamples == 0) {
        return result;
    }

    const auto resamples = static_cast<std::size_t>(options.bootstrap_resamples);
    std::vector<std::vector<double>> first(static_cast<std::size_t>(k));
    std::vector<std::vector<double>> total(static_cast<std::size_t>(k));
    for (Eigen::Index i = 0; i < k; ++i) {
        first[static_cast<std::size_t>(i)].reserve(resamples);
        total[static_cast<std::size_t>(i)].reserve(resamples);
    }
    boost::random::mt19937_64 engine(options.seed);
    boost::random::uniform_int_distribution<Eigen::Index> pick(0, n - 1);
    for (std::size_t b = 0; b < resamples; ++b) {
        for (auto& row : rows) {
            row = pick(engine);
        }
        const Estimate again = estimate(f_a, f_b, f_ab, rows);
        for (Eigen::Index i = 0; i < k; ++i) {
            first[static_cast<std::size_t>(i)].push_back(again.first(i));
            total[static_cast<std::size_t>(i)].push_back(again.total(i));
        }
    }
    for (Eigen::Index i = 0; i < k; ++i) {
        const auto si = static_cast<std::size_t>(i);
        std::tie(result.first_lower(i), result.first_upper(i)) =
            percentile_interval(first[si], options.conf_level);
        std::tie(result.total_lower(i), result.total_upper(i)) =
            percentile_interval(total[si], options.conf_level);
    }
    return result;
}

}  // namespace regiosim::analysis

#include "regiosim/analysis/logrank.hpp"

#include <algorithm>
#include <numeric>
#include <string>

#include "regiosim/analysis/errors.hpp"

namespace regiosim::analysis {

// Same accumulation as R's survdiff (C routine survdiff2 with rho = 0): at each distinct event
// time the expected events per group are d * n_k / n and the hypergeometric covariance is
// d (n - d) / (n - 1) * (n_k / n) (delta_kl - n_l / n).
LogRankTest logrank(const SurvivalData& data) {
    validate(data);
    LogRankTest out;
    out.groups = group_codes(data);
    const std::size_t k = out.groups.size();
    if (k < 2) {
        throw InvalidDataError(
            "the log-rank test needs at least two groups; the data has only "
            "group " +
            std::to_string(out.groups.front()));
    }
    const std::size_t n = data.size();
    std::vector<std::size_t> group_index(n);
    out.n.assign(k, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const auto it = std::lower_bound(out.groups.begin(), out.groups.end(), data.group[i]);
        group_index[i] = static_cast<std::size_t>(it - out.groups.begin());
        out.n[group_index[i]] += 1;
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return data.time[a] < data.time[b]; });

    out.observed.assign(k, 0.0);
    out.expected.assign(k, 0.0);
    out.variance =
        Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(k));
    std::vector<double> at_risk(out.n.begin(), out.n.end());
    double total_at_risk = static_cast<double>(n);
    std::vector<double> deaths(k);
    for (std::size_t i = 0; i < n;) {
        const double t = data.time[order[i]];
        std::fill(deaths.begin(), deaths.end(), 0.0);
        std::vector<double> leaving(k, 0.0);
        for (; i < n && data.time[order[i]] == t; ++i) {
            const std::size_t g = group_index[order[i]];
            deaths[g] += data.event[order[i]];
            leaving[g] += 1.0;
        }
        const double d = std::accumulate(deaths.begin(), deaths.end(), 0.0);
        if (d > 0.0) {
            for (std::size_t g = 0; g < k; ++g) {
                out.observed[g] += deaths[g];
                out.expected[g] += d * at_risk[g] / total_at_risk;
            }
            // With a single subject at risk there is no variance (R skips it too).
            if (total_at_risk > 1.0) {
                const double factor =
                    d * (total_at_risk - d) / (total_at_risk * (total_at_risk - 1.0));
                for (std::size_t a = 0; a < k; ++a) {
                    const double term = factor * at_risk[a];
                    const auto ia = static_cast<Eigen::Index>(a);
                    out.variance(ia, ia) += term;
                    for (std::size_t b = 0; b < k; ++b) {
                        out.variance(ia, static_cast<Eigen::Index>(b)) -=
                            term * at_risk[b] / total_at_risk;
                    }
                }
            }
        }
        for (std::size_t g = 0; g < k; ++g) {
            at_risk[g] -= leaving[g];
            total_at_risk -= leaving[g];
        }
    }

    // Chi-square on the groups with something expected, dropping the first of them because
    // observed - expected sums to zero.
    std::vector<Eigen::Index> used;
    for (std::size_t g = 0; g < k; ++g) {
        if (out.expected[g] > 0.0) {
            used.push_back(static_cast<Eigen::Index>(g));
        }
    }
    if (used.size() < 2) {
        out.test = ChiSquareTest{0.0, 0, 1.0};
        return out;
    }
    const auto m = static_cast<Eigen::Index>(used.size() - 1);
    Eigen::VectorXd diff(m);
    Eigen::MatrixXd var(m, m);
    for (Eigen::Index a = 0; a < m; ++a) {
        const Eigen::Index ga = used[static_cast<std::size_t>(a) + 1];
        diff(a) =
            out.observed[static_cast<std::size_t>(ga)] - out.expected[static_cast<std::size_t>(ga)];
        for (Eigen::Index b = 0; b < m; ++b) {
            var(a, b) = out.variance(ga, used[static_cast<std::size_t>(b) + 1]);
        }
    }
    const Eigen::VectorXd solved = var.fullPivLu().solve(diff);
    out.test = make_chi_square_test(diff.dot(solved), static_cast<int>(m));
    return out;
}

}  // namespace regiosim::analysis

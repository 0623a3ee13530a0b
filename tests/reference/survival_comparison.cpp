#include "survival_comparison.hpp"

#include <algorithm>
#include <cmath>

#include "regiosim/analysis/logrank.hpp"

namespace regiosim::test {

namespace {

// Stephens' (1970) small-sample correction of the scaled statistic.
constexpr double stephens_offset = 0.12;
constexpr double stephens_slope = 0.11;
// Q_KS(λ) = 2 Σ_{k≥1} (−1)^{k−1} exp(−2 k² λ²); below λ = 0.3 it is 1 to 1e-8 and the
// alternating series converges too slowly to be summed.
constexpr double kolmogorov_unit_below = 0.3;
constexpr int kolmogorov_terms = 100;
constexpr double kolmogorov_precision = 1e-12;

double kolmogorov_upper_tail(double lambda) {
    if (lambda < kolmogorov_unit_below) {
        return 1.0;
    }
    double sum = 0.0;
    double sign = 1.0;
    for (int k = 1; k <= kolmogorov_terms; ++k) {
        const double term = sign * 2.0 * std::exp(-2.0 * k * k * lambda * lambda);
        sum += term;
        if (std::abs(term) < kolmogorov_precision * std::abs(sum)) {
            break;
        }
        sign = -sign;
    }
    return std::clamp(sum, 0.0, 1.0);
}

}  // namespace

SurvivalSample sample_survival(Engine& engine, std::uint64_t seed, std::uint64_t first_run,
                               int runs) {
    SurvivalSample sample;
    for (int k = 0; k < runs; ++k) {
        const RunResult& r = engine.run(seed, first_run + static_cast<std::uint64_t>(k));
        sample.months.push_back(r.months_survived);
        sample.ended.push_back(r.ended ? 1 : 0);
    }
    return sample;
}

KolmogorovSmirnov kolmogorov_smirnov(std::vector<double> a, std::vector<double> b) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    const auto n = static_cast<double>(a.size());
    const auto m = static_cast<double>(b.size());
    double d = 0.0;
    std::size_t i = 0;
    std::size_t j = 0;
    // Step both empirical distribution functions past each distinct value (ties together).
    while (i < a.size() && j < b.size()) {
        const double x = std::min(a[i], b[j]);
        while (i < a.size() && a[i] == x) {
            ++i;
        }
        while (j < b.size() && b[j] == x) {
            ++j;
        }
        d = std::max(d, std::abs(static_cast<double>(i) / n - static_cast<double>(j) / m));
    }
    const double effective = std::sqrt(n * m / (n + m));
    const double lambda = (effective + stephens_offset + stephens_slope / effective) * d;
    return {d, kolmogorov_upper_tail(lambda)};
}

SurvivalComparison compare_survival(const SurvivalSample& a, const SurvivalSample& b) {
    analysis::SurvivalData data;
    data.time = a.months;
    data.time.insert(data.time.end(), b.months.begin(), b.months.end());
    data.event = a.ended;
    data.event.insert(data.event.end(), b.ended.begin(), b.ended.end());
    data.group.assign(a.months.size(), 0);
    data.group.resize(data.time.size(), 1);
    const auto logrank = analysis::logrank(data);
    return {kolmogorov_smirnov(a.months, b.months), logrank.test.statistic, logrank.test.p_value};
}

}  // namespace regiosim::test

#pragma once

#include <cstdint>
#include <vector>

#include "regiosim/core/engine.hpp"

/// Months survived by two engines' runs of one arm, compared as distributions: the
/// distribution half of the engine-equivalence tests (tests/reference).
namespace regiosim::test {

/// Months survived and whether the collaboration ended (1) or was censored at the horizon (0).
struct SurvivalSample {
    std::vector<double> months;
    std::vector<int> ended;
};

/// Runs first_run … first_run+runs−1 of seed `seed`.
[[nodiscard]] SurvivalSample sample_survival(Engine& engine, std::uint64_t seed,
                                             std::uint64_t first_run, int runs);

/// The two-sample Kolmogorov–Smirnov statistic D = sup |F_a − F_b| of the months survived
/// (censored runs counted at the horizon, which both samples share) and its asymptotic p-value
/// Q_KS((√n_e + 0.12 + 0.11/√n_e) D), n_e = n m / (n + m) (Stephens 1970). Months are whole
/// numbers with ties, for which this p-value is conservative (too large): a difference it
/// reports is real.
struct KolmogorovSmirnov {
    double statistic = 0.0;
    double p_value = 1.0;
};

[[nodiscard]] KolmogorovSmirnov kolmogorov_smirnov(std::vector<double> a, std::vector<double> b);

/// Both tests of two samples of one arm: KS on the months, log-rank on (months, ended).
struct SurvivalComparison {
    KolmogorovSmirnov ks;
    double logrank_statistic = 0.0;
    double logrank_p = 1.0;
};

[[nodiscard]] SurvivalComparison compare_survival(const SurvivalSample& a, const SurvivalSample& b);

}  // namespace regiosim::test

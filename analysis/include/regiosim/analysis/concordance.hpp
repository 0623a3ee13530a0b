#pragma once

#include <cstdint>
#include <span>

/// @file
/// Harrell's concordance index between a risk score and right-censored survival.

namespace regiosim::analysis {

/// Pair counts and the concordance index. A pair (i, j) is comparable when subject i had the
/// event at t_i and j was still under follow-up after t_i (t_j > t_i, or t_j == t_i and j was
/// censored). It is concordant when the higher risk score belongs to i, the one that failed first.
struct Concordance {
    std::int64_t concordant = 0;
    std::int64_t discordant = 0;
    std::int64_t tied_risk = 0;  ///< comparable pairs with equal scores (R's tied.x)
    std::int64_t tied_time = 0;  ///< pairs of events at the same time, scores differ (tied.y)
    std::int64_t tied_both = 0;  ///< pairs of events at the same time with equal scores (tied.xy)
    /// (concordant + tied_risk / 2) / (concordant + discordant + tied_risk); NaN when no pair
    /// is comparable (no events).
    double value = 0.5;
};

/// Harrell's C for risk scores where higher means shorter survival, as the `concordance`
/// reported by R's coxph (which uses the linear predictor). O(n log n).
/// @throws InvalidDataError on mismatched lengths, invalid times or events, or non-finite scores.
[[nodiscard]] Concordance harrell_concordance(std::span<const double> time,
                                              std::span<const int> event,
                                              std::span<const double> risk_score);

}  // namespace regiosim::analysis

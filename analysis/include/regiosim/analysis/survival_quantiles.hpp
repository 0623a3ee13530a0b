#pragma once

#include "regiosim/analysis/kaplan_meier.hpp"

/// @file
/// Median and other quantiles of survival time read off a Kaplan–Meier curve, with the
/// confidence limits where the curve's confidence band crosses the same level.

namespace regiosim::analysis {

/// A quantile of the survival-time distribution. Any member is NaN when the curve (or the
/// corresponding confidence limit) never reaches the level: "not reached", R's NA.
struct SurvivalQuantile {
    double probability = 0.5;  ///< the event probability p = 1 - S at which the time is read
    double time = 0.0;
    double lower = 0.0;
    double upper = 0.0;
};

/// The median survival time and its confidence interval as R's `print(survfit)` reports them:
/// the first time at which S(t) <= 0.5, except that when S equals 0.5 (within sqrt of machine
/// epsilon) over an interval, the midpoint between the start of that interval and the time S
/// next drops. The lower (upper) limit is where the lower (upper) confidence curve of `km`
/// reaches 0.5 by the same rule, so the limits follow `km.conf_type`.
[[nodiscard]] SurvivalQuantile median_survival(const KaplanMeier& km);

/// The time by which a fraction `p` of subjects have had the event (S(t) = 1 - p), with limits,
/// as R's `quantile(fit, probs = p)`. Where 1 - S equals p over an interval the midpoint is taken.
/// For p = 0.5 this is normally the same as median_survival(); the two R rules differ only
/// when the curve ends exactly at 0.5.
/// @throws InvalidDataError unless 0 <= p <= 1.
[[nodiscard]] SurvivalQuantile survival_quantile(const KaplanMeier& km, double p);

}  // namespace regiosim::analysis

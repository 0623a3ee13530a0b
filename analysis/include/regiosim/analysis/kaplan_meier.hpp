#pragma once

#include <cstddef>
#include <map>
#include <vector>

#include "regiosim/analysis/confidence_interval.hpp"
#include "regiosim/analysis/survival_data.hpp"

/// @file
/// The Kaplan–Meier estimator of the survival function with Greenwood variance.

namespace regiosim::analysis {

/// Options for kaplan_meier().
struct KaplanMeierOptions {
    double conf_level = 0.95;
    ConfidenceType conf_type = ConfidenceType::log_log;
};

/// A Kaplan–Meier curve: one row per distinct observed time (event or censoring), ascending,
/// exactly as the rows of R's `survfit(Surv(time, event) ~ 1)`.
///
/// S(t) is a right-continuous step function: `surv[i]` holds on [time[i], time[i+1]).
struct KaplanMeier {
    std::size_t n = 0;                ///< subjects used
    std::vector<double> time;         ///< distinct times, ascending
    std::vector<int> n_risk;          ///< subjects with follow-up >= time[i]
    std::vector<int> n_event;         ///< events at time[i]
    std::vector<int> n_censor;        ///< censorings at time[i]
    std::vector<double> surv;         ///< S(time[i])
    std::vector<double> std_err;      ///< Greenwood standard error of S (R's summary()$std.err)
    std::vector<double> std_err_log;  ///< standard error of log S (R's survfit()$std.err)
    std::vector<double> lower;        ///< lower confidence limit (NaN where R gives NA)
    std::vector<double> upper;        ///< upper confidence limit (NaN where R gives NA)
    double conf_level = 0.95;
    ConfidenceType conf_type = ConfidenceType::log_log;

    [[nodiscard]] std::size_t size() const noexcept { return time.size(); }
    [[nodiscard]] int events() const noexcept;  ///< total number of events
};

/// Estimates the survival curve of all subjects in `data` (groups are ignored).
/// @throws InvalidDataError if `data` is invalid (see validate()) or conf_level is not in (0, 1).
[[nodiscard]] KaplanMeier kaplan_meier(const SurvivalData& data,
                                       const KaplanMeierOptions& options = {});

/// One curve per group code, keyed by code.
/// @throws InvalidDataError if `data` has no group column or is invalid.
[[nodiscard]] std::map<int, KaplanMeier> kaplan_meier_by_group(
    const SurvivalData& data, const KaplanMeierOptions& options = {});

/// The curve read at one time.
struct SurvivalEstimate {
    double time = 0.0;
    int n_risk = 0;  ///< subjects with follow-up >= time
    double surv = 1.0;
    double std_err = 0.0;  ///< of S
    double lower = 1.0;
    double upper = 1.0;
};

/// S(t) with its standard error and confidence limits, as R's
/// `summary(fit, times = t, extend = TRUE)`: before the first row the curve is 1 with limits
/// [1, 1]; from then on the values of the last row at or before `t` (NaN limits included);
/// past the last row the last values are carried forward and n_risk is 0.
/// @throws InvalidDataError if `t` is not finite.
[[nodiscard]] SurvivalEstimate survival_at(const KaplanMeier& km, double t);

}  // namespace regiosim::analysis

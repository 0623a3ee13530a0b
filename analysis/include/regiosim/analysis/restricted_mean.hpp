#pragma once

#include "regiosim/analysis/kaplan_meier.hpp"

/// @file
/// Restricted mean survival time (RMST): the area under the Kaplan–Meier curve from 0 to tau,
/// i.e. the expected months survived within the first tau months.

namespace regiosim::analysis {

/// RMST up to `tau` with its standard error and a normal confidence interval.
struct RestrictedMean {
    double tau = 0.0;
    double estimate = 0.0;
    double std_err = 0.0;
    double lower = 0.0;
    double upper = 0.0;
};

/// The restricted mean of `km` up to `tau`, matching R survival's `print(fit, rmean = tau)`
/// (function survmean): the curve is integrated from 0 and carried flat from its last row to
/// tau if needed; the variance is sum over event times t_i <= tau of
/// A_i^2 d_i / (n_i (n_i - d_i)), with A_i the area under the curve from t_i to tau (a term is 0
/// when n_i = d_i). The interval is estimate +/- z * std_err at `km.conf_level` (as survRM2).
/// @throws InvalidDataError if tau is not finite and > 0.
[[nodiscard]] RestrictedMean rmst(const KaplanMeier& km, double tau);

/// The difference in RMST between two independent arms (arm1 - arm0).
struct RestrictedMeanDifference {
    double tau = 0.0;
    double difference = 0.0;
    double std_err = 0.0;  ///< sqrt(se1^2 + se0^2)
    double lower = 0.0;
    double upper = 0.0;
    double p_value = 1.0;  ///< two-sided, normal approximation
};

/// RMST(arm1) - RMST(arm0) up to `tau`, with a normal interval at `conf_level`.
/// @throws InvalidDataError if tau is not finite and > 0 or conf_level is not in (0, 1).
[[nodiscard]] RestrictedMeanDifference rmst_difference(const KaplanMeier& arm1,
                                                       const KaplanMeier& arm0, double tau,
                                                       double conf_level = 0.95);

}  // namespace regiosim::analysis

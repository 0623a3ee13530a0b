#pragma once

#include <Eigen/Dense>
#include <cstddef>
#include <vector>

#include "regiosim/analysis/survival_data.hpp"

/// @file
/// Cumulative incidence of competing causes (Aalen–Johansen estimator).

namespace regiosim::analysis {

/// Cumulative incidence curves, one row per distinct observed time (ascending) and one column
/// per cause (in the order of `causes`), as R's
/// `survfit(Surv(time, factor(cause, levels = c(0, causes))) ~ 1)`: `incidence` is its pstate
/// for the cause states and `event_free` its pstate for the initial state "(s0)".
struct CumulativeIncidence {
    std::size_t n = 0;
    std::vector<int> causes;  ///< distinct nonzero cause codes, ascending
    std::vector<double> time;
    std::vector<int> n_risk;  ///< subjects still event-free and under follow-up
    std::vector<int> n_censor;
    Eigen::MatrixXi n_event;         ///< events of each cause at each time
    std::vector<double> event_free;  ///< P(no event of any cause by t) (all-cause Kaplan–Meier)
    std::vector<double> event_free_std_err;
    Eigen::MatrixXd incidence;  ///< P(event of cause k by t)
    Eigen::MatrixXd std_err;    ///< infinitesimal-jackknife standard errors, as R reports

    [[nodiscard]] std::size_t size() const noexcept { return time.size(); }
};

/// The Aalen–Johansen estimate for the causes in `data.cause` (the same point estimates as
/// cmprsk::cuminc). Standard errors are the infinitesimal jackknife (square root of the sum of
/// squared influence values) that R survival >= 3.0 reports for multi-state curves. O(n log n).
/// @throws InvalidDataError if `data` is invalid or has no cause column.
[[nodiscard]] CumulativeIncidence cumulative_incidence(const SurvivalData& data);

/// One cause's incidence read at time t (step function; 0 before the first row).
struct IncidenceEstimate {
    double time = 0.0;
    double incidence = 0.0;
    double std_err = 0.0;
};

/// @throws InvalidDataError if `cause` is not one of `ci.causes` or `t` is not finite.
[[nodiscard]] IncidenceEstimate incidence_at(const CumulativeIncidence& ci, int cause, double t);

}  // namespace regiosim::analysis

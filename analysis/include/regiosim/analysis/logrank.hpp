#pragma once

#include <Eigen/Dense>
#include <vector>

#include "regiosim/analysis/distributions.hpp"
#include "regiosim/analysis/survival_data.hpp"

/// @file
/// The log-rank test comparing the survival of k groups.

namespace regiosim::analysis {

/// Result of logrank(); per-group vectors are in the order of `groups` (ascending codes).
struct LogRankTest {
    std::vector<int> groups;
    std::vector<int> n;            ///< subjects per group
    std::vector<double> observed;  ///< events per group
    std::vector<double> expected;  ///< expected events under equal hazards
    Eigen::MatrixXd variance;      ///< covariance of observed - expected
    ChiSquareTest test;            ///< chi-square on (groups with expected > 0) - 1 df
};

/// The k-sample log-rank test, identical to R's `survdiff(Surv(time, event) ~ group)` (rho = 0).
/// Groups whose expected count is 0 are left out of the statistic as R does. With no events at
/// all the statistic is 0 on 0 df with p = 1 (R reports df = -1 and p = NA).
/// @throws InvalidDataError if `data` is invalid, has no group column or only one group.
[[nodiscard]] LogRankTest logrank(const SurvivalData& data);

}  // namespace regiosim::analysis

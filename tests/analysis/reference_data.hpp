#pragma once

// Shared by the analysis tests: the data sets and the comparison with R's reference values.

#include <Eigen/Dense>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "fixture_csv.hpp"
#include "regiosim/analysis/survival_data.hpp"

namespace regiosim::analysis::testing {

/// Agreement with R: |actual - expected| <= 1e-6 * |expected|, or <= 1e-12 when R reports a
/// value that is (close to) zero. NaN (R's NA) matches only NaN; infinities only themselves.
inline constexpr double relative_tolerance = 1e-6;
inline constexpr double absolute_floor = 1e-12;

[[nodiscard]] bool agrees_with_r(double actual, double expected);

/// Catch matcher: CHECK_THAT(value, MatchesR(expected)) prints both with full precision.
class MatchesRMatcher : public Catch::MatcherBase<double> {
  public:
    explicit MatchesRMatcher(double expected) : expected_(expected) {}
    bool match(const double& actual) const override { return agrees_with_r(actual, expected_); }
    std::string describe() const override;

  private:
    double expected_;
};

[[nodiscard]] inline MatchesRMatcher MatchesR(double expected) {
    return MatchesRMatcher(expected);
}

/// The survival data behind a fixture case name: "lung", "ovarian", "edge", "tiny_cr", or
/// "<data set>_by_<column>" to set the group column; "lung_cr" and "tiny_cr" carry causes.
[[nodiscard]] SurvivalData case_data(const std::string& case_name);

/// The subjects of one group of a case ("<data set>_by_<column>"), or all of them for a case
/// without grouping (R writes group 0 there).
[[nodiscard]] SurvivalData case_group(const std::string& case_name, int group);

/// Complete-case covariates of a data set: the rows without NA in any of `columns` (and their
/// times and events), as R's na.omit before coxph.
struct CoxInput {
    std::vector<double> time;
    std::vector<int> event;
    Eigen::MatrixXd X;
};
[[nodiscard]] CoxInput cox_input(const std::string& data_set,
                                 const std::vector<std::string>& columns);

}  // namespace regiosim::analysis::testing

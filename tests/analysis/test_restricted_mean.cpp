// Restricted mean survival time against R's print(survfit, rmean = tau) (survmean).

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "r_comparisons.hpp"
#include "reference_data.hpp"
#include "regiosim/analysis/errors.hpp"
#include "regiosim/analysis/restricted_mean.hpp"

using namespace regiosim::analysis;
using namespace regiosim::analysis::testing;

TEST_CASE("analysis: RMST and its standard error match print(survfit, rmean = tau)",
          "[analysis][rmst]") {
    check_rmst(FixtureTable::load("ref_rmst.csv"), case_group);
}

TEST_CASE("analysis: RMST difference between arms matches R", "[analysis][rmst]") {
    check_rmst_differences(FixtureTable::load("ref_rmst_diff.csv"), case_group);
}

TEST_CASE("analysis: RMST needs a positive finite tau", "[analysis][rmst]") {
    const KaplanMeier km = kaplan_meier(case_data("ovarian"));
    CHECK_THROWS_AS(rmst(km, 0.0), InvalidDataError);
    CHECK_THROWS_AS(rmst(km, -3.0), InvalidDataError);
    CHECK_THROWS_AS(rmst(km, std::nan("")), InvalidDataError);
}

TEST_CASE("analysis: RMST before the first time is tau and beyond the last carries the curve",
          "[analysis][rmst]") {
    const KaplanMeier km = kaplan_meier(case_data("ovarian"));
    const RestrictedMean early = rmst(km, km.time.front() / 2.0);
    CHECK(early.estimate == km.time.front() / 2.0);
    CHECK(early.std_err == 0.0);
    // Beyond the last time the area grows by the last survival value per month.
    const double last = km.time.back();
    const RestrictedMean at_last = rmst(km, last);
    const RestrictedMean later = rmst(km, last + 100.0);
    CHECK_THAT(later.estimate - at_last.estimate, MatchesR(100.0 * km.surv.back()));
}

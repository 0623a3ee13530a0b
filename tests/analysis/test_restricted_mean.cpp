// Restricted mean survival time against R's print(survfit, rmean = tau) (survmean).

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "reference_data.hpp"
#include "regiosim/analysis/distributions.hpp"
#include "regiosim/analysis/errors.hpp"
#include "regiosim/analysis/restricted_mean.hpp"

using namespace regiosim::analysis;
using namespace regiosim::analysis::testing;

TEST_CASE("analysis: RMST and its standard error match print(survfit, rmean = tau)",
          "[analysis][rmst]") {
    const FixtureTable ref = FixtureTable::load("ref_rmst.csv");
    REQUIRE(ref.rows() > 0);
    for (std::size_t i = 0; i < ref.rows(); ++i) {
        const std::string case_name = ref.text(i, "case");
        const double tau = ref.number(i, "tau");
        INFO("case " << case_name << ", group " << ref.text(i, "group") << ", tau " << tau);
        const KaplanMeier km = kaplan_meier(case_group(case_name, ref.integer(i, "group")));
        const RestrictedMean r = rmst(km, tau);
        CHECK(r.tau == tau);
        CHECK_THAT(r.estimate, MatchesR(ref.number(i, "rmean")));
        CHECK_THAT(r.std_err, MatchesR(ref.number(i, "se")));
        const double z = normal_critical_value(0.95);
        CHECK_THAT(r.lower, MatchesR(ref.number(i, "rmean") - z * ref.number(i, "se")));
        CHECK_THAT(r.upper, MatchesR(ref.number(i, "rmean") + z * ref.number(i, "se")));
    }
}

TEST_CASE("analysis: RMST difference between arms matches R", "[analysis][rmst]") {
    const FixtureTable ref = FixtureTable::load("ref_rmst_diff.csv");
    REQUIRE(ref.rows() > 0);
    for (std::size_t i = 0; i < ref.rows(); ++i) {
        const std::string case_name = ref.text(i, "case");
        INFO("case " << case_name);
        const KaplanMeier arm1 = kaplan_meier(case_group(case_name, ref.integer(i, "group1")));
        const KaplanMeier arm0 = kaplan_meier(case_group(case_name, ref.integer(i, "group0")));
        const RestrictedMeanDifference d = rmst_difference(arm1, arm0, ref.number(i, "tau"));
        CHECK_THAT(d.difference, MatchesR(ref.number(i, "difference")));
        CHECK_THAT(d.std_err, MatchesR(ref.number(i, "se")));
        CHECK_THAT(d.lower, MatchesR(ref.number(i, "lower")));
        CHECK_THAT(d.upper, MatchesR(ref.number(i, "upper")));
        CHECK_THAT(d.p_value, MatchesR(ref.number(i, "p")));
    }
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

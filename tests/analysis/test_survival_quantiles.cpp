// Medians and quantiles against R's print.survfit table and quantile.survfit.

#include <catch2/catch.hpp>
#include <string>

#include "r_comparisons.hpp"
#include "reference_data.hpp"
#include "regiosim/analysis/errors.hpp"
#include "regiosim/analysis/survival_quantiles.hpp"

using namespace regiosim::analysis;
using namespace regiosim::analysis::testing;

TEST_CASE("analysis: median survival and its limits match print(survfit)",
          "[analysis][quantiles]") {
    check_medians(FixtureTable::load("ref_median.csv"), case_group);
}

TEST_CASE("analysis: survival quantiles match quantile.survfit", "[analysis][quantiles]") {
    check_quantiles(FixtureTable::load("ref_quantile.csv"), case_group);
}

TEST_CASE("analysis: survival_quantile rejects probabilities outside [0, 1]",
          "[analysis][quantiles]") {
    const KaplanMeier km = kaplan_meier(case_data("ovarian"));
    CHECK_THROWS_AS(survival_quantile(km, 1.5), InvalidDataError);
    CHECK_THROWS_AS(survival_quantile(km, -0.1), InvalidDataError);
}

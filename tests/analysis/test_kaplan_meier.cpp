// Kaplan–Meier tables and survival at chosen times against R's survfit / summary.survfit.

#include <catch2/catch.hpp>
#include <string>

#include "r_comparisons.hpp"
#include "reference_data.hpp"
#include "regiosim/analysis/kaplan_meier.hpp"

using namespace regiosim::analysis;
using namespace regiosim::analysis::testing;

TEST_CASE("analysis: Kaplan-Meier table matches R survfit", "[analysis][kaplan_meier]") {
    check_kaplan_meier_tables(FixtureTable::load("ref_km.csv"), case_group);
}

TEST_CASE("analysis: kaplan_meier_by_group gives the per-group curves",
          "[analysis][kaplan_meier]") {
    const SurvivalData data = case_data("lung_by_sex");
    const auto curves = kaplan_meier_by_group(data);
    REQUIRE(curves.size() == 2);
    const FixtureTable ref = FixtureTable::load("ref_km.csv").where("case", "lung_by_sex");
    for (const auto& [group, km] : curves) {
        const FixtureTable rows = ref.where("group", group);
        REQUIRE(km.size() == rows.rows());
        CHECK_THAT(km.surv.back(), MatchesR(rows.number(rows.rows() - 1, "surv")));
    }
}

TEST_CASE("analysis: survival_at reads the curve like summary(fit, times, extend = TRUE)",
          "[analysis][kaplan_meier]") {
    check_survival_at(FixtureTable::load("ref_survival_at.csv"), case_group);
}

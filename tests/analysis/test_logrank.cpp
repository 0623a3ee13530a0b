// The k-group log-rank test against R's survdiff.

#include <catch2/catch.hpp>
#include <string>

#include "r_comparisons.hpp"
#include "reference_data.hpp"
#include "regiosim/analysis/errors.hpp"
#include "regiosim/analysis/logrank.hpp"

using namespace regiosim::analysis;
using namespace regiosim::analysis::testing;

TEST_CASE("analysis: log-rank test matches survdiff", "[analysis][logrank]") {
    check_logrank(FixtureTable::load("ref_logrank.csv"),
                  FixtureTable::load("ref_logrank_groups.csv"), case_data);
}

TEST_CASE("analysis: log-rank test needs a group column with two groups", "[analysis][logrank]") {
    SurvivalData data = case_data("ovarian");
    CHECK_THROWS_AS(logrank(data), InvalidDataError);
    data.group.assign(data.size(), 7);
    CHECK_THROWS_AS(logrank(data), InvalidDataError);
}

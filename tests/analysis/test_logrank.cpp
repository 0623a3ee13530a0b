// The k-group log-rank test against R's survdiff.

#include <catch2/catch.hpp>
#include <string>

#include "reference_data.hpp"
#include "regiosim/analysis/errors.hpp"
#include "regiosim/analysis/logrank.hpp"

using namespace regiosim::analysis;
using namespace regiosim::analysis::testing;

TEST_CASE("analysis: log-rank test matches survdiff", "[analysis][logrank]") {
    const FixtureTable ref = FixtureTable::load("ref_logrank.csv");
    const FixtureTable groups = FixtureTable::load("ref_logrank_groups.csv");
    REQUIRE(ref.rows() > 0);
    for (std::size_t i = 0; i < ref.rows(); ++i) {
        const std::string case_name = ref.text(i, "case");
        INFO("case " << case_name);
        const LogRankTest test = logrank(case_data(case_name));
        CHECK_THAT(test.test.statistic, MatchesR(ref.number(i, "chisq")));
        CHECK(test.test.df == ref.integer(i, "df"));
        CHECK_THAT(test.test.p_value, MatchesR(ref.number(i, "p")));

        const FixtureTable rows = groups.where("case", case_name);
        REQUIRE(test.groups.size() == rows.rows());
        for (std::size_t g = 0; g < rows.rows(); ++g) {
            INFO("group " << rows.text(g, "group"));
            CHECK(test.groups[g] == rows.integer(g, "group"));
            CHECK(test.n[g] == rows.integer(g, "n"));
            CHECK_THAT(test.observed[g], MatchesR(rows.number(g, "observed")));
            CHECK_THAT(test.expected[g], MatchesR(rows.number(g, "expected")));
            const auto gi = static_cast<Eigen::Index>(g);
            CHECK_THAT(test.variance(gi, gi), MatchesR(rows.number(g, "var_diag")));
        }
        // Rows of the covariance sum to zero: observed - expected sums to zero.
        CHECK(test.variance.rowwise().sum().cwiseAbs().maxCoeff() < 1e-9);
    }
}

TEST_CASE("analysis: log-rank test needs a group column with two groups", "[analysis][logrank]") {
    SurvivalData data = case_data("ovarian");
    CHECK_THROWS_AS(logrank(data), InvalidDataError);
    data.group.assign(data.size(), 7);
    CHECK_THROWS_AS(logrank(data), InvalidDataError);
}

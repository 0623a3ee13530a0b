// Aalen–Johansen cumulative incidence against R's multi-state survfit.

#include <catch2/catch.hpp>
#include <string>

#include "reference_data.hpp"
#include "regiosim/analysis/cumulative_incidence.hpp"
#include "regiosim/analysis/errors.hpp"
#include "regiosim/analysis/kaplan_meier.hpp"

using namespace regiosim::analysis;
using namespace regiosim::analysis::testing;

TEST_CASE("analysis: cumulative incidence matches survfit with a multi-state status",
          "[analysis][competing_risks]") {
    const FixtureTable ref = FixtureTable::load("ref_aalen_johansen.csv");
    for (const std::string& case_name : ref.distinct("case")) {
        INFO("case " << case_name);
        const FixtureTable rows = ref.where("case", case_name);
        const CumulativeIncidence ci = cumulative_incidence(case_data(case_name));
        REQUIRE(ci.causes == std::vector<int>{1, 2});
        REQUIRE(ci.size() == rows.rows());
        for (std::size_t i = 0; i < rows.rows(); ++i) {
            INFO("row " << i << " at time " << rows.number(i, "time"));
            const auto r = static_cast<Eigen::Index>(i);
            CHECK_THAT(ci.time[i], MatchesR(rows.number(i, "time")));
            CHECK(ci.n_risk[i] == rows.integer(i, "n_risk"));
            CHECK(ci.n_censor[i] == rows.integer(i, "n_censor"));
            CHECK(ci.n_event(r, 0) == rows.integer(i, "n_event1"));
            CHECK(ci.n_event(r, 1) == rows.integer(i, "n_event2"));
            CHECK_THAT(ci.event_free[i], MatchesR(rows.number(i, "p0")));
            CHECK_THAT(ci.incidence(r, 0), MatchesR(rows.number(i, "cif1")));
            CHECK_THAT(ci.incidence(r, 1), MatchesR(rows.number(i, "cif2")));
            CHECK_THAT(ci.event_free_std_err[i], MatchesR(rows.number(i, "se0")));
            CHECK_THAT(ci.std_err(r, 0), MatchesR(rows.number(i, "se1")));
            CHECK_THAT(ci.std_err(r, 1), MatchesR(rows.number(i, "se2")));
        }
    }
}

TEST_CASE("analysis: cumulative incidence is consistent with Kaplan-Meier",
          "[analysis][competing_risks]") {
    const SurvivalData data = case_data("lung_cr");
    const CumulativeIncidence ci = cumulative_incidence(data);
    const KaplanMeier km = kaplan_meier(data);
    REQUIRE(ci.size() == km.size());
    for (std::size_t i = 0; i < ci.size(); ++i) {
        const auto r = static_cast<Eigen::Index>(i);
        // The states partition the population, and "no event yet" is the all-cause KM.
        CHECK_THAT(ci.event_free[i] + ci.incidence.row(r).sum(), MatchesR(1.0));
        CHECK_THAT(ci.event_free[i], MatchesR(km.surv[i]));
    }
    // With a single cause the incidence is 1 - KM.
    const CumulativeIncidence single = cumulative_incidence(from_causes(data.time, data.event));
    for (std::size_t i = 0; i < single.size(); ++i) {
        CHECK_THAT(single.incidence(static_cast<Eigen::Index>(i), 0), MatchesR(1.0 - km.surv[i]));
    }
}

TEST_CASE("analysis: incidence_at reads one cause as a step function",
          "[analysis][competing_risks]") {
    const CumulativeIncidence ci = cumulative_incidence(case_data("tiny_cr"));
    CHECK(incidence_at(ci, 1, 0.5).incidence == 0.0);
    CHECK(incidence_at(ci, 1, 1.0).incidence == ci.incidence(0, 0));
    CHECK(incidence_at(ci, 2, 2.5).incidence == ci.incidence(1, 1));
    CHECK(incidence_at(ci, 2, 100.0).std_err == ci.std_err(ci.incidence.rows() - 1, 1));
    CHECK_THROWS_AS(incidence_at(ci, 3, 1.0), InvalidDataError);
}

TEST_CASE("analysis: cumulative incidence needs a cause column", "[analysis][competing_risks]") {
    CHECK_THROWS_AS(cumulative_incidence(case_data("ovarian")), InvalidDataError);
}

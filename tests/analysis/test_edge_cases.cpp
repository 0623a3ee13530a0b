// Degenerate inputs, with expected values worked out by hand from the definitions.
// (Ties, a time-zero event and a group of one are also in the R fixture "edge".)

#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "reference_data.hpp"
#include "regiosim/analysis/survival.hpp"

using namespace regiosim::analysis;
using namespace regiosim::analysis::testing;

namespace {

SurvivalData make_data(std::vector<double> time, std::vector<int> event,
                       std::vector<int> group = {}) {
    SurvivalData data;
    data.time = std::move(time);
    data.event = std::move(event);
    data.group = std::move(group);
    return data;
}

}  // namespace

TEST_CASE("analysis: all subjects censored", "[analysis][edge]") {
    const SurvivalData data = make_data({1.0, 2.0, 3.0, 3.0}, {0, 0, 0, 0}, {1, 1, 2, 2});
    const KaplanMeier km = kaplan_meier(data);
    REQUIRE(km.size() == 3);
    CHECK(km.events() == 0);
    for (std::size_t i = 0; i < km.size(); ++i) {
        CHECK(km.surv[i] == 1.0);
        CHECK(km.std_err[i] == 0.0);
        // log(-log 1) is undefined: R reports NA limits for the log-log band.
        CHECK(std::isnan(km.lower[i]));
        CHECK(std::isnan(km.upper[i]));
    }
    const KaplanMeier plain = kaplan_meier(data, {0.95, ConfidenceType::plain});
    CHECK(plain.lower[0] == 1.0);
    CHECK(plain.upper[0] == 1.0);

    const SurvivalQuantile median = median_survival(km);
    CHECK(std::isnan(median.time));
    CHECK(std::isnan(median.lower));
    CHECK(std::isnan(median.upper));
    CHECK(std::isnan(survival_quantile(km, 0.25).time));

    const RestrictedMean r = rmst(km, 2.5);
    CHECK(r.estimate == 2.5);
    CHECK(r.std_err == 0.0);

    const LogRankTest test = logrank(data);
    CHECK(test.test.statistic == 0.0);
    CHECK(test.test.df == 0);
    CHECK(test.test.p_value == 1.0);

    Eigen::MatrixXd X(4, 1);
    X << 0.0, 1.0, 0.0, 1.0;
    CHECK_THROWS_AS(cox_fit(data, X), ModelFitError);

    const CumulativeIncidence ci = cumulative_incidence(from_causes(data.time, {0, 0, 0, 0}));
    CHECK(ci.causes.empty());
    CHECK(ci.event_free.back() == 1.0);
}

TEST_CASE("analysis: no subjects at all", "[analysis][edge]") {
    CHECK_THROWS_AS(kaplan_meier(SurvivalData{}), InvalidDataError);
    CHECK_THROWS_WITH(kaplan_meier(SurvivalData{}), Catch::Contains("empty"));
    CHECK_THROWS_AS(logrank(SurvivalData{}), InvalidDataError);
    CHECK_THROWS_AS(cumulative_incidence(SurvivalData{}), InvalidDataError);
}

TEST_CASE("analysis: a single observation", "[analysis][edge]") {
    SECTION("with an event") {
        const KaplanMeier km = kaplan_meier(make_data({5.0}, {1}));
        REQUIRE(km.size() == 1);
        CHECK(km.n_risk[0] == 1);
        CHECK(km.surv[0] == 0.0);
        CHECK(std::isinf(km.std_err_log[0]));  // everyone at risk failed: d / (n (n - d)) = 1/0
        CHECK(std::isnan(km.lower[0]));
        const SurvivalQuantile median = median_survival(km);
        CHECK(median.time == 5.0);
        CHECK(std::isnan(median.lower));
        const RestrictedMean r = rmst(km, 10.0);
        CHECK(r.estimate == 5.0);
        CHECK(r.std_err == 0.0);
        CHECK(survival_at(km, 4.0).surv == 1.0);
        CHECK(survival_at(km, 5.0).surv == 0.0);
    }
    SECTION("censored") {
        const KaplanMeier km = kaplan_meier(make_data({5.0}, {0}));
        CHECK(km.surv[0] == 1.0);
        CHECK(std::isnan(median_survival(km).time));
        CHECK(rmst(km, 10.0).estimate == 10.0);
    }
}

TEST_CASE("analysis: tied times: events and a censoring at the same time", "[analysis][edge]") {
    // At t = 2: 4 at risk, 2 events, 1 censored. S = 2/4; var(log S) = 2 / (4 * 2).
    const KaplanMeier km = kaplan_meier(make_data({2.0, 2.0, 2.0, 4.0}, {1, 1, 0, 1}));
    REQUIRE(km.size() == 2);
    CHECK(km.n_risk[0] == 4);
    CHECK(km.n_event[0] == 2);
    CHECK(km.n_censor[0] == 1);
    CHECK(km.surv[0] == 0.5);
    CHECK_THAT(km.std_err_log[0], MatchesR(0.5));
    CHECK(km.n_risk[1] == 1);
    CHECK(km.surv[1] == 0.0);
    // S is exactly 0.5 on [2, 4): the median is the midpoint, R's rule.
    CHECK(median_survival(km).time == 3.0);
    // The area: 2 months at 1 and 2 months at 0.5.
    CHECK(rmst(km, 6.0).estimate == 3.0);
}

TEST_CASE("analysis: events at time zero", "[analysis][edge]") {
    const KaplanMeier km = kaplan_meier(make_data({0.0, 0.0, 1.0, 2.0, 3.0}, {1, 0, 1, 0, 1}));
    REQUIRE(km.time.front() == 0.0);
    CHECK(km.n_risk[0] == 5);
    CHECK_THAT(km.surv[0], MatchesR(0.8));
    CHECK_THAT(km.std_err_log[0], MatchesR(std::sqrt(1.0 / 20.0)));
    // The time-zero event counts at 0 itself: S(0) < 1.
    CHECK_THAT(survival_at(km, 0.0).surv, MatchesR(0.8));
    // At t = 1: 3 at risk, 1 event.
    CHECK_THAT(km.surv[1], MatchesR(0.8 * 2.0 / 3.0));
    // The area starts at 0 with the curve already at 0.8.
    CHECK_THAT(rmst(km, 1.0).estimate, MatchesR(0.8));
}

TEST_CASE("analysis: a group with one member", "[analysis][edge]") {
    const SurvivalData data =
        make_data({1.0, 2.0, 3.0, 4.0, 5.0, 2.5}, {1, 0, 1, 1, 0, 1}, {1, 1, 1, 2, 2, 3});
    const auto curves = kaplan_meier_by_group(data);
    REQUIRE(curves.size() == 3);
    const KaplanMeier& alone = curves.at(3);
    REQUIRE(alone.size() == 1);
    CHECK(alone.surv[0] == 0.0);
    CHECK(median_survival(alone).time == 2.5);

    const LogRankTest test = logrank(data);
    CHECK(test.groups == std::vector<int>{1, 2, 3});
    CHECK(test.n == std::vector<int>{3, 2, 1});
    CHECK(test.test.df == 2);
    // Expected events sum to the observed total.
    CHECK_THAT(test.expected[0] + test.expected[1] + test.expected[2], MatchesR(4.0));
    CHECK(std::isfinite(test.test.statistic));
}

TEST_CASE("analysis: a constant covariate gives a clear error, not NaN", "[analysis][edge]") {
    const std::vector<double> time = {1.0, 2.0, 3.0, 4.0};
    const std::vector<int> event = {1, 0, 1, 1};
    Eigen::MatrixXd X(4, 2);
    X << 1.0, 3.0, 2.0, 3.0, 3.0, 3.0, 4.0, 3.0;
    try {
        (void)cox_fit(time, event, X);
        FAIL("cox_fit accepted a constant covariate");
    } catch (const std::runtime_error& error) {
        CHECK(dynamic_cast<const ModelFitError*>(&error) != nullptr);
        CHECK(std::string(error.what()).find("covariate column 1 is constant") !=
              std::string::npos);
    }
}

TEST_CASE("analysis: invalid survival data is rejected with the offending index",
          "[analysis][edge]") {
    CHECK_THROWS_WITH(kaplan_meier(make_data({1.0, -2.0}, {1, 0})),
                      Catch::Contains("time[1]") && Catch::Contains(">= 0"));
    CHECK_THROWS_WITH(kaplan_meier(make_data({1.0, 2.0}, {1, 2})), Catch::Contains("event[1]"));
    CHECK_THROWS_AS(kaplan_meier(make_data({1.0, NAN}, {1, 0})), InvalidDataError);
    CHECK_THROWS_AS(kaplan_meier(make_data({1.0, 2.0}, {1})), InvalidDataError);
    CHECK_THROWS_AS(logrank(make_data({1.0, 2.0}, {1, 0}, {1})), InvalidDataError);
    SurvivalData inconsistent = from_causes({1.0, 2.0}, {1, 0});
    inconsistent.event[1] = 1;
    CHECK_THROWS_WITH(cumulative_incidence(inconsistent), Catch::Contains("cause[1]"));
    CHECK_THROWS_AS(kaplan_meier(make_data({1.0}, {1}), {1.5, ConfidenceType::log_log}),
                    InvalidDataError);
    CHECK_THROWS_AS(survival_at(kaplan_meier(make_data({1.0}, {1})), NAN), InvalidDataError);
}

// Cox proportional hazards against R's coxph (coefficients, tests, concordance).

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "reference_data.hpp"
#include "regiosim/analysis/cox_model.hpp"
#include "regiosim/analysis/errors.hpp"

using namespace regiosim::analysis;
using namespace regiosim::analysis::testing;

namespace {

struct CoxCase {
    std::string name;
    std::string data_set;
    TieMethod ties;
};

const std::vector<CoxCase> cox_cases = {
    {"lung", "lung", TieMethod::efron},       {"veteran", "veteran", TieMethod::efron},
    {"ovarian", "ovarian", TieMethod::efron}, {"veteran_breslow", "veteran", TieMethod::breslow},
    {"edge", "edge", TieMethod::efron},       {"edge_breslow", "edge", TieMethod::breslow}};

}  // namespace

TEST_CASE("analysis: Cox model matches coxph", "[analysis][cox]") {
    const FixtureTable coef_ref = FixtureTable::load("ref_cox_coef.csv");
    const FixtureTable test_ref = FixtureTable::load("ref_cox_tests.csv");
    for (const CoxCase& c : cox_cases) {
        INFO("case " << c.name);
        const FixtureTable terms = coef_ref.where("case", c.name);
        const FixtureTable tests = test_ref.where("case", c.name);
        REQUIRE(terms.rows() > 0);
        REQUIRE(tests.rows() == 1);
        REQUIRE(tests.text(0, "ties") == (c.ties == TieMethod::efron ? "efron" : "breslow"));
        std::vector<std::string> columns;
        for (std::size_t j = 0; j < terms.rows(); ++j) {
            columns.push_back(terms.text(j, "term"));
        }
        const CoxInput input = cox_input(c.data_set, columns);
        CoxOptions options;
        options.ties = c.ties;
        const CoxFit fit = cox_fit(input.time, input.event, input.X, options);

        CHECK(fit.converged);
        CHECK(fit.n == tests.integer(0, "n"));
        CHECK(fit.n_events == tests.integer(0, "nevent"));
        for (std::size_t j = 0; j < terms.rows(); ++j) {
            INFO("term " << columns[j]);
            const auto k = static_cast<Eigen::Index>(j);
            CHECK_THAT(fit.coef(k), MatchesR(terms.number(j, "coef")));
            CHECK_THAT(fit.hazard_ratio(k), MatchesR(terms.number(j, "hr")));
            CHECK_THAT(fit.std_err(k), MatchesR(terms.number(j, "se")));
            CHECK_THAT(fit.z(k), MatchesR(terms.number(j, "z")));
            CHECK_THAT(fit.p_value(k), MatchesR(terms.number(j, "p")));
            CHECK_THAT(fit.hr_lower(k), MatchesR(terms.number(j, "lower")));
            CHECK_THAT(fit.hr_upper(k), MatchesR(terms.number(j, "upper")));
        }
        CHECK_THAT(fit.loglik_null, MatchesR(tests.number(0, "loglik0")));
        CHECK_THAT(fit.loglik, MatchesR(tests.number(0, "loglik")));
        CHECK_THAT(fit.likelihood_ratio.statistic, MatchesR(tests.number(0, "lr")));
        CHECK_THAT(fit.likelihood_ratio.p_value, MatchesR(tests.number(0, "lr_p")));
        CHECK(fit.likelihood_ratio.df == tests.integer(0, "df"));
        CHECK_THAT(fit.wald.statistic, MatchesR(tests.number(0, "wald")));
        CHECK_THAT(fit.wald.p_value, MatchesR(tests.number(0, "wald_p")));
        CHECK(fit.wald.df == tests.integer(0, "df"));
        CHECK_THAT(fit.score.statistic, MatchesR(tests.number(0, "score")));
        CHECK_THAT(fit.score.p_value, MatchesR(tests.number(0, "score_p")));
        CHECK(fit.score.df == tests.integer(0, "df"));
        CHECK_THAT(fit.concordance.value, MatchesR(tests.number(0, "concordance")));
        CHECK(fit.concordance.concordant == tests.integer(0, "concordant"));
        CHECK(fit.concordance.discordant == tests.integer(0, "discordant"));
        CHECK(fit.concordance.tied_risk == tests.integer(0, "tied_x"));
        CHECK(fit.concordance.tied_time == tests.integer(0, "tied_y"));
    }
}

TEST_CASE("analysis: Cox model takes SurvivalData as well", "[analysis][cox]") {
    const CoxInput input = cox_input("ovarian", {"age", "ecog_ps", "rx"});
    SurvivalData data;
    data.time = input.time;
    data.event = input.event;
    const CoxFit a = cox_fit(data, input.X);
    const CoxFit b = cox_fit(input.time, input.event, input.X);
    CHECK(a.coef == b.coef);
    CHECK(a.variance == b.variance);
}

TEST_CASE("analysis: Cox model refuses inputs it cannot fit, with plain messages",
          "[analysis][cox]") {
    const CoxInput input = cox_input("ovarian", {"age", "ecog_ps", "rx"});

    SECTION("a constant covariate") {
        Eigen::MatrixXd X = input.X;
        X.col(1).setConstant(1.0);
        CHECK_THROWS_AS(cox_fit(input.time, input.event, X), ModelFitError);
        CHECK_THROWS_WITH(cox_fit(input.time, input.event, X),
                          Catch::Contains("covariate column 1 is constant"));
        // Callers can catch it as a standard runtime error.
        CHECK_THROWS_AS(cox_fit(input.time, input.event, X), std::runtime_error);
    }
    SECTION("collinear covariates") {
        Eigen::MatrixXd X(input.X.rows(), 4);
        X << input.X, 2.0 * input.X.col(0) - input.X.col(2);
        CHECK_THROWS_WITH(cox_fit(input.time, input.event, X), Catch::Contains("collinear"));
    }
    SECTION("no events") {
        const std::vector<int> censored(input.event.size(), 0);
        CHECK_THROWS_WITH(cox_fit(input.time, censored, input.X), Catch::Contains("no events"));
    }
    SECTION("mismatched sizes and invalid values") {
        const Eigen::MatrixXd short_x = input.X.topRows(input.X.rows() - 1);
        CHECK_THROWS_AS(cox_fit(input.time, input.event, short_x), InvalidDataError);
        Eigen::MatrixXd with_nan = input.X;
        with_nan(3, 0) = std::numeric_limits<double>::quiet_NaN();
        CHECK_THROWS_AS(cox_fit(input.time, input.event, with_nan), InvalidDataError);
        std::vector<double> negative = input.time;
        negative[0] = -1.0;
        CHECK_THROWS_AS(cox_fit(negative, input.event, input.X), InvalidDataError);
        CHECK_THROWS_AS(cox_fit(input.time, input.event, Eigen::MatrixXd(input.X.rows(), 0)),
                        InvalidDataError);
    }
}

TEST_CASE("analysis: Efron and Breslow differ but stay finite under heavy ties",
          "[analysis][cox]") {
    // All events tied at the same time: Efron and Breslow differ, both stay finite.
    const std::vector<double> time = {0.0, 2.0, 2.0, 2.0, 2.0, 5.0, 5.0, 7.0};
    const std::vector<int> event = {1, 1, 1, 0, 1, 1, 0, 0};
    Eigen::MatrixXd X(8, 1);
    X << 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0;
    const CoxFit efron = cox_fit(time, event, X);
    CoxOptions options;
    options.ties = TieMethod::breslow;
    const CoxFit breslow = cox_fit(time, event, X, options);
    CHECK(efron.converged);
    CHECK(breslow.converged);
    CHECK(std::isfinite(efron.coef(0)));
    CHECK(std::isfinite(efron.std_err(0)));
    CHECK(efron.coef(0) != breslow.coef(0));
    CHECK(efron.likelihood_ratio.statistic >= 0.0);
}

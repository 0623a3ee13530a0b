// Cox proportional hazards against R's coxph (coefficients, tests, concordance).

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "r_comparisons.hpp"
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
        check_cox_case(coef_ref, test_ref, c.name, c.ties,
                       [&](const std::string&, const std::vector<std::string>& terms) {
                           return cox_input(c.data_set, terms);
                       });
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

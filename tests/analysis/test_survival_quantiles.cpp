// Medians and quantiles against R's print.survfit table and quantile.survfit.

#include <catch2/catch.hpp>
#include <string>

#include "reference_data.hpp"
#include "regiosim/analysis/errors.hpp"
#include "regiosim/analysis/survival_quantiles.hpp"

using namespace regiosim::analysis;
using namespace regiosim::analysis::testing;

namespace {

ConfidenceType conf_type_named(const std::string& name) {
    if (name == "log-log") {
        return ConfidenceType::log_log;
    }
    if (name == "plain") {
        return ConfidenceType::plain;
    }
    REQUIRE(name == "log");
    return ConfidenceType::log;
}

}  // namespace

TEST_CASE("analysis: median survival and its limits match print(survfit)",
          "[analysis][quantiles]") {
    const FixtureTable ref = FixtureTable::load("ref_median.csv");
    REQUIRE(ref.rows() > 0);
    for (std::size_t i = 0; i < ref.rows(); ++i) {
        const std::string case_name = ref.text(i, "case");
        const std::string conf = ref.text(i, "conf_type");
        INFO("case " << case_name << ", group " << ref.text(i, "group") << ", conf.type " << conf);
        const KaplanMeier km = kaplan_meier(case_group(case_name, ref.integer(i, "group")),
                                            {0.95, conf_type_named(conf)});
        const SurvivalQuantile median = median_survival(km);
        CHECK(median.probability == 0.5);
        CHECK_THAT(median.time, MatchesR(ref.number(i, "median")));
        CHECK_THAT(median.lower, MatchesR(ref.number(i, "lower")));
        CHECK_THAT(median.upper, MatchesR(ref.number(i, "upper")));
    }
}

TEST_CASE("analysis: survival quantiles match quantile.survfit", "[analysis][quantiles]") {
    const FixtureTable ref = FixtureTable::load("ref_quantile.csv");
    REQUIRE(ref.rows() > 0);
    for (std::size_t i = 0; i < ref.rows(); ++i) {
        const std::string case_name = ref.text(i, "case");
        const std::string conf = ref.text(i, "conf_type");
        const double p = ref.number(i, "p");
        INFO("case " << case_name << ", group " << ref.text(i, "group") << ", conf.type " << conf
                     << ", p " << p);
        const KaplanMeier km = kaplan_meier(case_group(case_name, ref.integer(i, "group")),
                                            {0.95, conf_type_named(conf)});
        const SurvivalQuantile q = survival_quantile(km, p);
        CHECK(q.probability == p);
        CHECK_THAT(q.time, MatchesR(ref.number(i, "quantile")));
        CHECK_THAT(q.lower, MatchesR(ref.number(i, "lower")));
        CHECK_THAT(q.upper, MatchesR(ref.number(i, "upper")));
    }
}

TEST_CASE("analysis: survival_quantile rejects probabilities outside [0, 1]",
          "[analysis][quantiles]") {
    const KaplanMeier km = kaplan_meier(case_data("ovarian"));
    CHECK_THROWS_AS(survival_quantile(km, 1.5), InvalidDataError);
    CHECK_THROWS_AS(survival_quantile(km, -0.1), InvalidDataError);
}

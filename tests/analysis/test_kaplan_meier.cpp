// Kaplan–Meier tables and survival at chosen times against R's survfit / summary.survfit.

#include <catch2/catch.hpp>
#include <string>

#include "reference_data.hpp"
#include "regiosim/analysis/kaplan_meier.hpp"

using namespace regiosim::analysis;
using namespace regiosim::analysis::testing;

namespace {

struct Band {
    ConfidenceType type;
    const char* lower;
    const char* upper;
};

constexpr Band bands[] = {{ConfidenceType::log_log, "lower_loglog", "upper_loglog"},
                          {ConfidenceType::plain, "lower_plain", "upper_plain"},
                          {ConfidenceType::log, "lower_log", "upper_log"}};

}  // namespace

TEST_CASE("analysis: Kaplan-Meier table matches R survfit", "[analysis][kaplan_meier]") {
    const FixtureTable ref = FixtureTable::load("ref_km.csv");
    for (const std::string& case_name : ref.distinct("case")) {
        const FixtureTable by_case = ref.where("case", case_name);
        for (const std::string& group : by_case.distinct("group")) {
            const FixtureTable rows = by_case.where("group", group);
            const SurvivalData data = case_group(case_name, std::stoi(group));
            for (const Band& band : bands) {
                INFO("case " << case_name << ", group " << group << ", conf.type "
                             << to_string(band.type));
                const KaplanMeier km = kaplan_meier(data, {0.95, band.type});
                REQUIRE(km.size() == rows.rows());
                CHECK(km.n == data.size());
                for (std::size_t i = 0; i < rows.rows(); ++i) {
                    INFO("row " << i << " at time " << rows.number(i, "time"));
                    CHECK_THAT(km.time[i], MatchesR(rows.number(i, "time")));
                    CHECK(km.n_risk[i] == rows.integer(i, "n_risk"));
                    CHECK(km.n_event[i] == rows.integer(i, "n_event"));
                    CHECK(km.n_censor[i] == rows.integer(i, "n_censor"));
                    CHECK_THAT(km.surv[i], MatchesR(rows.number(i, "surv")));
                    CHECK_THAT(km.std_err[i], MatchesR(rows.number(i, "std_err")));
                    CHECK_THAT(km.std_err_log[i], MatchesR(rows.number(i, "std_err_log")));
                    CHECK_THAT(km.lower[i], MatchesR(rows.number(i, band.lower)));
                    CHECK_THAT(km.upper[i], MatchesR(rows.number(i, band.upper)));
                }
            }
        }
    }
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
    const FixtureTable ref = FixtureTable::load("ref_survival_at.csv");
    for (const std::string& case_name : ref.distinct("case")) {
        const FixtureTable by_case = ref.where("case", case_name);
        for (const std::string& group : by_case.distinct("group")) {
            const FixtureTable rows = by_case.where("group", group);
            const KaplanMeier km = kaplan_meier(case_group(case_name, std::stoi(group)));
            for (std::size_t i = 0; i < rows.rows(); ++i) {
                const double t = rows.number(i, "time");
                INFO("case " << case_name << ", group " << group << ", time " << t);
                const SurvivalEstimate at = survival_at(km, t);
                CHECK(at.n_risk == rows.integer(i, "n_risk"));
                CHECK_THAT(at.surv, MatchesR(rows.number(i, "surv")));
                CHECK_THAT(at.std_err, MatchesR(rows.number(i, "std_err")));
                CHECK_THAT(at.lower, MatchesR(rows.number(i, "lower")));
                CHECK_THAT(at.upper, MatchesR(rows.number(i, "upper")));
            }
        }
    }
}

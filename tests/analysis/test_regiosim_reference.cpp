// The simulated regiosim data set against R: data_regiosim.csv (800 runs of the reference
// scenario in four arms, exported by analysis/reference/export_regiosim_runs.py) and the
// ref_regiosim_*.csv values that analysis/reference/make_fixtures.R computes from it. Monthly
// times up to a 180-month horizon make tied event times and events tied with censorings the
// rule, which the R data sets barely exercise. The tests read the committed data; they never
// run the simulator.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "r_comparisons.hpp"
#include "reference_data.hpp"
#include "regiosim/analysis/arm_comparison.hpp"
#include "regiosim/analysis/cox_model.hpp"
#include "regiosim/analysis/cox_zph.hpp"
#include "regiosim/analysis/cumulative_incidence.hpp"
#include "regiosim/analysis/kaplan_meier.hpp"

using namespace regiosim::analysis;
using namespace regiosim::analysis::testing;

namespace {

constexpr double horizon_months = 180.0;

// Every run: time, status, group = arm_code and cause = cause_code.
SurvivalData regiosim_data() {
    const FixtureTable table = FixtureTable::load("data_regiosim.csv");
    SurvivalData data;
    data.time = table.numbers("time");
    data.event = table.integers("status");
    data.group = table.integers("arm_code");
    data.cause = table.integers("cause_code");
    return data;
}

// A fixture case: "regiosim" is every run (R writes group 0), "regiosim_by_arm" one arm.
SurvivalData regiosim_group(const std::string& case_name, int group) {
    SurvivalData data = regiosim_data();
    if (case_name == "regiosim") {
        REQUIRE(group == 0);
        data.group.clear();
        return data;
    }
    REQUIRE(case_name == "regiosim_by_arm");
    return select_group(data, group);
}

// The Cox input of a case of ref_regiosim_cox_*.csv: indicator columns "arm<code>" (the
// baseline, code 0, is the reference level); "regiosim_armG_vs_0" keeps arms 0 and G only.
CoxInput regiosim_cox_input(const std::string& case_name, const std::vector<std::string>& terms) {
    const SurvivalData all = regiosim_data();
    std::vector<int> arms;
    if (case_name.find("_vs_0") != std::string::npos) {
        REQUIRE(terms.size() == 1);
        arms = {0, std::stoi(terms[0].substr(3))};
    }
    CoxInput input;
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (arms.empty() || std::find(arms.begin(), arms.end(), all.group[i]) != arms.end()) {
            rows.push_back(i);
        }
    }
    input.X.resize(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(terms.size()));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const std::size_t i = rows[r];
        input.time.push_back(all.time[i]);
        input.event.push_back(all.event[i]);
        for (std::size_t j = 0; j < terms.size(); ++j) {
            REQUIRE(terms[j].rfind("arm", 0) == 0);
            const int code = std::stoi(terms[j].substr(3));
            input.X(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(j)) =
                all.group[i] == code ? 1.0 : 0.0;
        }
    }
    return input;
}

TieMethod tie_method_named(const std::string& name) {
    if (name == "breslow") {
        return TieMethod::breslow;
    }
    REQUIRE(name == "efron");
    return TieMethod::efron;
}

}  // namespace

TEST_CASE("analysis: the regiosim data set has the ties it is meant to test",
          "[analysis][regiosim]") {
    const SurvivalData data = regiosim_data();
    validate(data);
    REQUIRE(data.size() == 800);
    CHECK(group_codes(data) == std::vector<int>{0, 1, 2, 3});
    std::multiset<double> event_times;
    int censored_before_horizon = 0;
    for (std::size_t i = 0; i < data.size(); ++i) {
        CHECK(data.time[i] == std::round(data.time[i]));  // whole months
        CHECK(data.time[i] <= horizon_months);
        if (data.event[i] == 1) {
            event_times.insert(data.time[i]);
        } else {
            censored_before_horizon += data.time[i] < horizon_months ? 1 : 0;
        }
    }
    CHECK(censored_before_horizon == 0);  // censoring happens only at the horizon
    const std::set<double> distinct(event_times.begin(), event_times.end());
    // Far fewer distinct event times than events: tied times are the rule.
    CHECK(distinct.size() * 2 < event_times.size());
}

TEST_CASE("analysis: regiosim Kaplan-Meier tables match R survfit", "[analysis][regiosim]") {
    const FixtureTable ref = FixtureTable::load("ref_regiosim_km.csv");
    REQUIRE(ref.distinct("case").size() == 2);
    check_kaplan_meier_tables(ref, regiosim_group);
}

TEST_CASE("analysis: regiosim survival at 60/120/180 months matches summary(fit, times)",
          "[analysis][regiosim]") {
    check_survival_at(FixtureTable::load("ref_regiosim_survival_at.csv"), regiosim_group);
}

TEST_CASE("analysis: regiosim medians and quantiles match print(survfit) and quantile()",
          "[analysis][regiosim]") {
    check_medians(FixtureTable::load("ref_regiosim_median.csv"), regiosim_group);
    check_quantiles(FixtureTable::load("ref_regiosim_quantile.csv"), regiosim_group);
}

TEST_CASE("analysis: regiosim RMST and arm differences match R", "[analysis][regiosim]") {
    check_rmst(FixtureTable::load("ref_regiosim_rmst.csv"), regiosim_group);
    check_rmst_differences(FixtureTable::load("ref_regiosim_rmst_diff.csv"), regiosim_group);
}

TEST_CASE("analysis: regiosim log-rank test over the arms matches survdiff",
          "[analysis][regiosim]") {
    const FixtureTable ref = FixtureTable::load("ref_regiosim_logrank.csv");
    REQUIRE(ref.rows() == 1);
    check_logrank(ref, FixtureTable::load("ref_regiosim_logrank_groups.csv"),
                  [](const std::string& case_name) {
                      REQUIRE(case_name == "regiosim_by_arm");
                      return regiosim_data();
                  });
}

TEST_CASE("analysis: regiosim Cox models with arm indicators match coxph and cox.zph",
          "[analysis][regiosim][cox]") {
    const FixtureTable coef_ref = FixtureTable::load("ref_regiosim_cox_coef.csv");
    const FixtureTable test_ref = FixtureTable::load("ref_regiosim_cox_tests.csv");
    const FixtureTable zph_ref = FixtureTable::load("ref_regiosim_cox_zph.csv");
    REQUIRE(test_ref.rows() == 5);  // all arms (Efron, Breslow) and three arm-vs-baseline fits
    for (std::size_t c = 0; c < test_ref.rows(); ++c) {
        const std::string case_name = test_ref.text(c, "case");
        INFO("case " << case_name);
        const CoxCaseFit cox =
            check_cox_case(coef_ref, test_ref, case_name,
                           tie_method_named(test_ref.text(c, "ties")), regiosim_cox_input);

        const FixtureTable zph_rows = zph_ref.where("case", case_name);
        REQUIRE(zph_rows.rows() == cox.terms.size() + 1);
        REQUIRE(zph_rows.text(cox.terms.size(), "term") == "GLOBAL");
        check_cox_zph(cox_zph(cox.fit, cox.input.time, cox.input.event, cox.input.X), zph_rows,
                      cox.terms);
    }
}

TEST_CASE("analysis: regiosim cumulative incidence by cause matches multi-state survfit",
          "[analysis][regiosim][competing_risks]") {
    const FixtureTable ref = FixtureTable::load("ref_regiosim_aalen_johansen.csv");
    REQUIRE(ref.distinct("case").size() == 2);
    for (const std::string& case_name : ref.distinct("case")) {
        const FixtureTable by_case = ref.where("case", case_name);
        for (const std::string& group : by_case.distinct("group")) {
            INFO("case " << case_name << ", group " << group);
            const FixtureTable rows = by_case.where("group", group);
            const CumulativeIncidence ci =
                cumulative_incidence(regiosim_group(case_name, std::stoi(group)));
            // States in R's order: 0 = "(s0)", then the observed causes ascending.
            std::vector<int> causes;
            for (const std::string& state : rows.distinct("state")) {
                if (std::stoi(state) != 0) {
                    causes.push_back(std::stoi(state));
                }
            }
            REQUIRE(rows.distinct("state").front() == "0");
            REQUIRE(ci.causes == causes);
            REQUIRE(!causes.empty());
            const FixtureTable event_free = rows.where("state", 0);
            REQUIRE(ci.size() == event_free.rows());
            for (std::size_t i = 0; i < event_free.rows(); ++i) {
                INFO("row " << i << " at time " << event_free.number(i, "time"));
                CHECK_THAT(ci.time[i], MatchesR(event_free.number(i, "time")));
                CHECK(ci.n_risk[i] == event_free.integer(i, "n_risk"));
                CHECK(ci.n_censor[i] == event_free.integer(i, "n_censor"));
                CHECK_THAT(ci.event_free[i], MatchesR(event_free.number(i, "pstate")));
                CHECK_THAT(ci.event_free_std_err[i], MatchesR(event_free.number(i, "std_err")));
            }
            for (std::size_t k = 0; k < causes.size(); ++k) {
                INFO("cause " << causes[k]);
                const FixtureTable cause_rows = rows.where("state", causes[k]);
                REQUIRE(ci.size() == cause_rows.rows());
                const auto col = static_cast<Eigen::Index>(k);
                for (std::size_t i = 0; i < cause_rows.rows(); ++i) {
                    INFO("row " << i << " at time " << cause_rows.number(i, "time"));
                    const auto r = static_cast<Eigen::Index>(i);
                    CHECK_THAT(ci.time[i], MatchesR(cause_rows.number(i, "time")));
                    CHECK(ci.n_event(r, col) == cause_rows.integer(i, "n_event"));
                    CHECK_THAT(ci.incidence(r, col), MatchesR(cause_rows.number(i, "pstate")));
                    CHECK_THAT(ci.std_err(r, col), MatchesR(cause_rows.number(i, "std_err")));
                }
            }
        }
    }
}

TEST_CASE("analysis: the what-if table of the regiosim runs agrees with R",
          "[analysis][regiosim]") {
    // compare_arms() builds the table of `regiosim compare` / `regiosim analyze` from the same
    // estimators; its survival columns must be R's values (log-log limits) in years.
    const FixtureTable data = FixtureTable::load("data_regiosim.csv");
    const SurvivalData all = regiosim_data();
    std::vector<ArmSample> arms;
    for (const int code : group_codes(all)) {
        const SurvivalData d = select_group(all, code);
        ArmSample arm;
        arm.name = data.where("arm_code", code).text(0, "arm");
        arm.months = d.time;
        arm.ended = d.event;
        arm.cause = d.cause;
        arms.push_back(std::move(arm));
    }
    const std::vector<ArmComparison> table = compare_arms(arms, horizon_months);
    REQUIRE(table.size() == 4);

    const FixtureTable medians = FixtureTable::load("ref_regiosim_median.csv")
                                     .where("case", "regiosim_by_arm")
                                     .where("conf_type", "log-log");
    const FixtureTable at = FixtureTable::load("ref_regiosim_survival_at.csv")
                                .where("case", "regiosim_by_arm")
                                .where("conf_type", "log-log");
    const FixtureTable rmsts =
        FixtureTable::load("ref_regiosim_rmst.csv").where("case", "regiosim_by_arm");
    const FixtureTable diffs = FixtureTable::load("ref_regiosim_rmst_diff.csv").where("tau", "180");
    const FixtureTable coefs = FixtureTable::load("ref_regiosim_cox_coef.csv");
    for (std::size_t a = 0; a < table.size(); ++a) {
        const ArmComparison& row = table[a];
        const int code = static_cast<int>(a);
        INFO("arm " << row.arm);
        CHECK(row.arm == arms[a].name);
        CHECK(row.runs == 200);

        const FixtureTable med = medians.where("group", code);
        REQUIRE(med.rows() == 1);
        CHECK_THAT(row.median_years.estimate, MatchesR(med.number(0, "median") / 12.0));
        CHECK_THAT(row.median_years.lower, MatchesR(med.number(0, "lower") / 12.0));
        CHECK_THAT(row.median_years.upper, MatchesR(med.number(0, "upper") / 12.0));

        const FixtureTable s = at.where("group", code);
        const EstimateCi* by_year[] = {&row.survival_5y, &row.survival_10y, &row.survival_15y};
        const char* months[] = {"60", "120", "180"};
        for (std::size_t y = 0; y < 3; ++y) {
            INFO("survival at " << months[y] << " months");
            const FixtureTable r = s.where("time", months[y]);
            REQUIRE(r.rows() == 1);
            CHECK(by_year[y]->defined);
            CHECK_THAT(by_year[y]->estimate, MatchesR(r.number(0, "surv")));
            CHECK_THAT(by_year[y]->lower, MatchesR(r.number(0, "lower")));
            CHECK_THAT(by_year[y]->upper, MatchesR(r.number(0, "upper")));
        }

        const FixtureTable rm = rmsts.where("group", code).where("tau", "180");
        REQUIRE(rm.rows() == 1);
        CHECK_THAT(row.rmst_years.estimate, MatchesR(rm.number(0, "rmean") / 12.0));
        CHECK_THAT(row.rmst_years.lower, MatchesR(rm.number(0, "lower") / 12.0));
        CHECK_THAT(row.rmst_years.upper, MatchesR(rm.number(0, "upper") / 12.0));

        if (a == 0) {
            CHECK_FALSE(row.hazard_ratio);
            continue;
        }
        const FixtureTable gain = diffs.where("group1", code);
        REQUIRE(gain.rows() == 1);
        CHECK_THAT(row.rmst_gain_years.estimate, MatchesR(gain.number(0, "difference") / 12.0));
        CHECK_THAT(row.rmst_gain_years.lower, MatchesR(gain.number(0, "lower") / 12.0));
        CHECK_THAT(row.rmst_gain_years.upper, MatchesR(gain.number(0, "upper") / 12.0));

        const FixtureTable hr =
            coefs.where("case", "regiosim_arm" + std::to_string(code) + "_vs_0");
        REQUIRE(hr.rows() == 1);
        REQUIRE(row.hazard_ratio);
        CHECK_THAT(row.hazard_ratio->estimate, MatchesR(hr.number(0, "hr")));
        CHECK_THAT(row.hazard_ratio->lower, MatchesR(hr.number(0, "lower")));
        CHECK_THAT(row.hazard_ratio->upper, MatchesR(hr.number(0, "upper")));
        CHECK_THAT(row.hazard_p_value, MatchesR(hr.number(0, "p")));
    }
}

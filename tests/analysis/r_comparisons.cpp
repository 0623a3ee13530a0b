#include "r_comparisons.hpp"

#include <catch2/catch.hpp>

#include "regiosim/analysis/distributions.hpp"
#include "regiosim/analysis/kaplan_meier.hpp"
#include "regiosim/analysis/logrank.hpp"
#include "regiosim/analysis/restricted_mean.hpp"
#include "regiosim/analysis/survival_quantiles.hpp"

namespace regiosim::analysis::testing {

namespace {

struct Band {
    ConfidenceType type;
    const char* lower;
    const char* upper;
};

constexpr Band bands[] = {{ConfidenceType::log_log, "lower_loglog", "upper_loglog"},
                          {ConfidenceType::plain, "lower_plain", "upper_plain"},
                          {ConfidenceType::log, "lower_log", "upper_log"}};

const char* tie_name(TieMethod ties) {
    return ties == TieMethod::efron ? "efron" : "breslow";
}

}  // namespace

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

void check_kaplan_meier_tables(const FixtureTable& ref, const GroupData& group_data) {
    for (const std::string& case_name : ref.distinct("case")) {
        const FixtureTable by_case = ref.where("case", case_name);
        for (const std::string& group : by_case.distinct("group")) {
            const FixtureTable rows = by_case.where("group", group);
            const SurvivalData data = group_data(case_name, std::stoi(group));
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

void check_survival_at(const FixtureTable& ref, const GroupData& group_data) {
    REQUIRE(ref.rows() > 0);
    const bool has_conf_type = ref.has_column("conf_type");
    for (std::size_t i = 0; i < ref.rows(); ++i) {
        const std::string case_name = ref.text(i, "case");
        const std::string conf = has_conf_type ? ref.text(i, "conf_type") : "log-log";
        const double t = ref.number(i, "time");
        INFO("case " << case_name << ", group " << ref.text(i, "group") << ", conf.type " << conf
                     << ", time " << t);
        const KaplanMeier km = kaplan_meier(group_data(case_name, ref.integer(i, "group")),
                                            {0.95, conf_type_named(conf)});
        const SurvivalEstimate at = survival_at(km, t);
        CHECK(at.n_risk == ref.integer(i, "n_risk"));
        CHECK_THAT(at.surv, MatchesR(ref.number(i, "surv")));
        CHECK_THAT(at.std_err, MatchesR(ref.number(i, "std_err")));
        CHECK_THAT(at.lower, MatchesR(ref.number(i, "lower")));
        CHECK_THAT(at.upper, MatchesR(ref.number(i, "upper")));
    }
}

void check_medians(const FixtureTable& ref, const GroupData& group_data) {
    REQUIRE(ref.rows() > 0);
    for (std::size_t i = 0; i < ref.rows(); ++i) {
        const std::string case_name = ref.text(i, "case");
        const std::string conf = ref.text(i, "conf_type");
        INFO("case " << case_name << ", group " << ref.text(i, "group") << ", conf.type " << conf);
        const KaplanMeier km = kaplan_meier(group_data(case_name, ref.integer(i, "group")),
                                            {0.95, conf_type_named(conf)});
        const SurvivalQuantile median = median_survival(km);
        CHECK(median.probability == 0.5);
        CHECK_THAT(median.time, MatchesR(ref.number(i, "median")));
        CHECK_THAT(median.lower, MatchesR(ref.number(i, "lower")));
        CHECK_THAT(median.upper, MatchesR(ref.number(i, "upper")));
    }
}

void check_quantiles(const FixtureTable& ref, const GroupData& group_data) {
    REQUIRE(ref.rows() > 0);
    for (std::size_t i = 0; i < ref.rows(); ++i) {
        const std::string case_name = ref.text(i, "case");
        const std::string conf = ref.text(i, "conf_type");
        const double p = ref.number(i, "p");
        INFO("case " << case_name << ", group " << ref.text(i, "group") << ", conf.type " << conf
                     << ", p " << p);
        const KaplanMeier km = kaplan_meier(group_data(case_name, ref.integer(i, "group")),
                                            {0.95, conf_type_named(conf)});
        const SurvivalQuantile q = survival_quantile(km, p);
        CHECK(q.probability == p);
        CHECK_THAT(q.time, MatchesR(ref.number(i, "quantile")));
        CHECK_THAT(q.lower, MatchesR(ref.number(i, "lower")));
        CHECK_THAT(q.upper, MatchesR(ref.number(i, "upper")));
    }
}

void check_rmst(const FixtureTable& ref, const GroupData& group_data) {
    REQUIRE(ref.rows() > 0);
    const bool has_limits = ref.has_column("lower") && ref.has_column("upper");
    const double z = normal_critical_value(0.95);
    for (std::size_t i = 0; i < ref.rows(); ++i) {
        const std::string case_name = ref.text(i, "case");
        const double tau = ref.number(i, "tau");
        INFO("case " << case_name << ", group " << ref.text(i, "group") << ", tau " << tau);
        const KaplanMeier km = kaplan_meier(group_data(case_name, ref.integer(i, "group")));
        const RestrictedMean r = rmst(km, tau);
        CHECK(r.tau == tau);
        const double rmean = ref.number(i, "rmean");
        const double se = ref.number(i, "se");
        CHECK_THAT(r.estimate, MatchesR(rmean));
        CHECK_THAT(r.std_err, MatchesR(se));
        CHECK_THAT(r.lower, MatchesR(has_limits ? ref.number(i, "lower") : rmean - z * se));
        CHECK_THAT(r.upper, MatchesR(has_limits ? ref.number(i, "upper") : rmean + z * se));
    }
}

void check_rmst_differences(const FixtureTable& ref, const GroupData& group_data) {
    REQUIRE(ref.rows() > 0);
    for (std::size_t i = 0; i < ref.rows(); ++i) {
        const std::string case_name = ref.text(i, "case");
        const double tau = ref.number(i, "tau");
        INFO("case " << case_name << ", group " << ref.text(i, "group1") << " vs "
                     << ref.text(i, "group0") << ", tau " << tau);
        const KaplanMeier arm1 = kaplan_meier(group_data(case_name, ref.integer(i, "group1")));
        const KaplanMeier arm0 = kaplan_meier(group_data(case_name, ref.integer(i, "group0")));
        const RestrictedMeanDifference d = rmst_difference(arm1, arm0, tau);
        CHECK_THAT(d.difference, MatchesR(ref.number(i, "difference")));
        CHECK_THAT(d.std_err, MatchesR(ref.number(i, "se")));
        CHECK_THAT(d.lower, MatchesR(ref.number(i, "lower")));
        CHECK_THAT(d.upper, MatchesR(ref.number(i, "upper")));
        CHECK_THAT(d.p_value, MatchesR(ref.number(i, "p")));
    }
}

void check_logrank(const FixtureTable& ref, const FixtureTable& groups, const CaseData& case_data) {
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

CoxCaseFit check_cox_case(const FixtureTable& coef_ref, const FixtureTable& test_ref,
                          const std::string& case_name, TieMethod ties, const CoxData& cox_data) {
    const FixtureTable terms = coef_ref.where("case", case_name);
    const FixtureTable tests = test_ref.where("case", case_name);
    REQUIRE(terms.rows() > 0);
    REQUIRE(tests.rows() == 1);
    REQUIRE(tests.text(0, "ties") == tie_name(ties));
    CoxCaseFit result;
    for (std::size_t j = 0; j < terms.rows(); ++j) {
        result.terms.push_back(terms.text(j, "term"));
    }
    result.input = cox_data(case_name, result.terms);
    CoxOptions options;
    options.ties = ties;
    result.fit = cox_fit(result.input.time, result.input.event, result.input.X, options);

    const CoxFit& fit = result.fit;
    CHECK(fit.converged);
    CHECK(fit.n == tests.integer(0, "n"));
    CHECK(fit.n_events == tests.integer(0, "nevent"));
    for (std::size_t j = 0; j < terms.rows(); ++j) {
        INFO("term " << result.terms[j]);
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
    return result;
}

void check_cox_zph(const ProportionalHazardsTest& zph, const FixtureTable& rows,
                   const std::vector<std::string>& terms) {
    REQUIRE(zph.covariates.size() == terms.size());
    for (std::size_t j = 0; j < terms.size(); ++j) {
        INFO("cox.zph term " << terms[j]);
        CHECK_THAT(zph.covariates[j].statistic, MatchesR(rows.number(j, "chisq")));
        CHECK(zph.covariates[j].df == rows.integer(j, "df"));
        CHECK_THAT(zph.covariates[j].p_value, MatchesR(rows.number(j, "p")));
    }
    const std::size_t g = terms.size();
    CHECK_THAT(zph.global.statistic, MatchesR(rows.number(g, "chisq")));
    CHECK(zph.global.df == rows.integer(g, "df"));
    CHECK_THAT(zph.global.p_value, MatchesR(rows.number(g, "p")));
}

}  // namespace regiosim::analysis::testing

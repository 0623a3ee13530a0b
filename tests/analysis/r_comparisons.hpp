#pragma once

// The comparison loops shared by the fixture tests of R's data sets and of the simulated
// regiosim data set: each walks a reference table written by make_fixtures.R and checks the
// estimator against it. Where the survival data of a case comes from is the caller's.

#include <functional>
#include <string>
#include <vector>

#include "fixture_csv.hpp"
#include "reference_data.hpp"
#include "regiosim/analysis/confidence_interval.hpp"
#include "regiosim/analysis/cox_model.hpp"
#include "regiosim/analysis/cox_zph.hpp"
#include "regiosim/analysis/survival_data.hpp"

namespace regiosim::analysis::testing {

/// The subjects of one group of a fixture case (group 0 for a case without grouping).
using GroupData = std::function<SurvivalData(const std::string& case_name, int group)>;
/// All subjects of a fixture case, with their group column.
using CaseData = std::function<SurvivalData(const std::string& case_name)>;
/// The Cox input of a fixture case for the given terms (covariate columns).
using CoxData =
    std::function<CoxInput(const std::string& case_name, const std::vector<std::string>& terms)>;

/// R's conf.type name ("log-log", "plain", "log").
[[nodiscard]] ConfidenceType conf_type_named(const std::string& name);

/// Kaplan–Meier tables (ref_km.csv layout) under every confidence band type.
void check_kaplan_meier_tables(const FixtureTable& ref, const GroupData& group_data);

/// Survival at chosen times (ref_survival_at.csv layout), under the table's conf_type column
/// where it has one, else log-log.
void check_survival_at(const FixtureTable& ref, const GroupData& group_data);

/// Medians and their limits (ref_median.csv layout).
void check_medians(const FixtureTable& ref, const GroupData& group_data);

/// Survival quantiles and their limits (ref_quantile.csv layout).
void check_quantiles(const FixtureTable& ref, const GroupData& group_data);

/// RMST and its standard error (ref_rmst.csv layout); the limits against the table's lower and
/// upper columns where it has them, else against rmean -/+ z * se.
void check_rmst(const FixtureTable& ref, const GroupData& group_data);

/// RMST differences between two groups (ref_rmst_diff.csv layout).
void check_rmst_differences(const FixtureTable& ref, const GroupData& group_data);

/// Log-rank tests (ref_logrank.csv) and their per-group rows (ref_logrank_groups.csv).
void check_logrank(const FixtureTable& ref, const FixtureTable& groups, const CaseData& case_data);

/// A Cox fit of one case and what it was fitted to.
struct CoxCaseFit {
    std::vector<std::string> terms;
    CoxInput input;
    CoxFit fit;
};

/// Fits the Cox model of one case with `ties` and checks it against the coefficient rows
/// (ref_cox_coef.csv layout) and the test row (ref_cox_tests.csv layout) of that case.
CoxCaseFit check_cox_case(const FixtureTable& coef_ref, const FixtureTable& test_ref,
                          const std::string& case_name, TieMethod ties, const CoxData& cox_data);

/// cox.zph rows of one case (ref_cox_zph.csv layout: one row a term, then GLOBAL).
void check_cox_zph(const ProportionalHazardsTest& zph, const FixtureTable& rows,
                   const std::vector<std::string>& terms);

}  // namespace regiosim::analysis::testing

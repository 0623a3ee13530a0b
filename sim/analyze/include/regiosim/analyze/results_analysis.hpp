#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <vector>

#include "regiosim/analysis/arm_comparison.hpp"

namespace regiosim {

/// Everything `regiosim analyze` computes from a results file, as one JSON document: the input
/// of `regiosim report` and of `analyze --json`. Layout (all times in months unless named
/// otherwise; NaN/absent values are null):
///
/// {
///   "schema": "regiosim-analysis", "schema_version": 1,
///   "file": "...", "experiment": "name", "design": "replications|...",
///   "horizon_months": 180,
///   "provenance": {"software_version", "git_commit", "git_dirty", "created", "command_line",
///                  "master_seed"},
///   "arms": [ {"arm", "runs", "events", "median_years": CI, "survival_5y": CI,
///              "survival_10y": CI, "survival_15y": CI, "rmst_years": CI, "rmst_gain_years": CI,
///              "hazard_ratio": CI|null, "hazard_p_value": number|null,
///              "share_self_sustaining": number, "causes": {"drift": share of runs, ...},
///              "mean_total_cost_keur", "yearly_cost_keur", "cost_per_year_gained_keur": n|null,
///              "caution": ["few_events"|"wide_ci"|"small_gain", ...]} ]
///     (the same layout as `regiosim compare --json`; arms[0] is the baseline; CI objects are
///     {"estimate", "lower", "upper"}, or null when the estimate does not exist, e.g. a median
///     survival the horizon does not reach; "caution" names the estimates of the row that may
///     be far off, thresholds in regiosim/analysis/arm_comparison.hpp, empty when none),
///   "arm_tests": [ {"arm", "logrank_chisq", "logrank_df", "logrank_p_value", "ph_chisq",
///                   "ph_df", "ph_p_value"} ]
///     (each arm after the baseline against it: the log-rank test of equal survival, R's
///     survdiff, and the Grambsch–Therneau test of proportional hazards of its Cox model, R's
///     cox.zph (global, "km" transform); ph_* null where the model has no estimate),
///   "summary": ["plain-language sentence", ...],
///   "kaplan_meier": [ {"arm", "time": [...], "survival": [...], "lower": [...],
///                      "upper": [...], "at_risk": [...]} ],
///   "at_risk_table": {"years": [0, 1, ...], "arms": {"baseline": [n0, n1, ...], ...}},
///   "cumulative_incidence": [ {"arm", "cause", "time": [...], "incidence": [...]} ],
///   "fan_charts": [ {"arm", "variable": "mean_trust|mean_commitment|active_partners",
///                    "year": [...], "q10", "q25", "q50", "q75", "q90": [...]} ],
///   "parameters": [ {"key", "value", "default", "unit", "meaning", "source"} ],
///   "sensitivity": null | {"method": "sobol|morris|one_at_a_time|prcc", "output": "...",
///                          "rows": [...]}
///     (sobol rows: "arm", "factor", "first_order", "first_lower", "first_upper",
///     "total_order", "total_lower", "total_upper"; morris: "arm", "factor", "mu", "mu_star",
///     "sigma", "effects"; one_at_a_time: "arm", "factor", "value", "base_point",
///     "mean_months"; prcc, for latin_hypercube and full_factorial designs: "arm", "factor",
///     "prcc", "prcc_lower", "prcc_upper", "prcc_p_value" for the output, and "alive_prcc",
///     "alive_lower", "alive_upper", "alive_p_value" for "alive_output", the share of a
///     point's runs alive at the horizon (null where undefined, e.g. every run ends); prcc also
///     has "points", "conf_level", "notes" (why an outcome has no coefficients, e.g. too few
///     points), and for full_factorial "main_effects": [{"arm",
///     "factor", "value", "points", "mean_months", "share_alive"}], the mean outcome over
///     the points at each level of each factor)
/// }
///
/// Throws DataError for a file that is not a complete results file (names the file and what
/// is wrong), MissingInputError when it does not exist.
[[nodiscard]] nlohmann::json analyse_results(const std::filesystem::path& results_file);

/// The analysis as a document plus the what-if rows it was made from (for text tables).
struct ResultsAnalysis {
    nlohmann::json document;
    std::vector<analysis::ArmComparison> what_if;
    double horizon_months = 0.0;
};

/// As analyse_results, keeping the what-if rows.
[[nodiscard]] ResultsAnalysis analyse_results_detailed(const std::filesystem::path& results_file);

}  // namespace regiosim

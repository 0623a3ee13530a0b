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
///   "arms": [ {"arm", "runs", "median_years": CI, "survival_5y": CI, "survival_10y": CI,
///              "survival_15y": CI, "rmst_years": CI, "rmst_gain_years": CI,
///              "hazard_ratio": CI|null, "hazard_p_value": number|null,
///              "share_self_sustaining": number, "causes": {"drift": share of runs, ...},
///              "mean_total_cost_keur", "yearly_cost_keur", "cost_per_year_gained_keur": n|null} ]
///     (the same layout as `regiosim compare --json`; arms[0] is the baseline; CI objects are
///     {"estimate", "lower", "upper"}, or null when the estimate does not exist, e.g. a median
///     survival the horizon does not reach),
///   "summary": ["plain-language sentence", ...],
///   "kaplan_meier": [ {"arm", "time": [...], "survival": [...], "lower": [...],
///                      "upper": [...], "at_risk": [...]} ],
///   "at_risk_table": {"years": [0, 1, ...], "arms": {"baseline": [n0, n1, ...], ...}},
///   "cumulative_incidence": [ {"arm", "cause", "time": [...], "incidence": [...]} ],
///   "fan_charts": [ {"arm", "variable": "mean_trust|mean_commitment|active_partners",
///                    "year": [...], "q10", "q25", "q50", "q75", "q90": [...]} ],
///   "parameters": [ {"key", "value", "default", "unit", "meaning", "source"} ],
///   "sensitivity": null | {"method": "sobol|morris", "output": "...", "rows": [...]}
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

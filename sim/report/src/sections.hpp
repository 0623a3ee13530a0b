#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace regiosim::report {

// The parts of the report page, in reading order. Each takes the whole analysis document
// (regiosim/analyze/results_analysis.hpp) and returns escaped HTML.

/// The plain-language sentences of analysis["summary"].
[[nodiscard]] std::string summary_section(const nlohmann::json& analysis);
/// The what-if table: one row per arm with survival, hazard ratio, causes and costs.
[[nodiscard]] std::string whatif_section(const nlohmann::json& analysis);
/// Kaplan–Meier chart container and the numbers-at-risk table under it.
[[nodiscard]] std::string survival_section(const nlohmann::json& analysis);
/// One cumulative-incidence chart container per end cause.
[[nodiscard]] std::string causes_section(const nlohmann::json& analysis);
/// One fan-chart container per (variable, arm).
[[nodiscard]] std::string trajectories_section(const nlohmann::json& analysis);
/// The parameters used, changed ones marked, with a link to the ODD.
[[nodiscard]] std::string assumptions_section(const nlohmann::json& analysis);
/// The sensitivity ranking when the design had one; empty otherwise.
[[nodiscard]] std::string sensitivity_section(const nlohmann::json& analysis);
/// Version, commit, seed, command and file the results came from.
[[nodiscard]] std::string provenance_footer(const nlohmann::json& analysis);

}  // namespace regiosim::report

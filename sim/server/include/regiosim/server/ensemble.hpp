#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "regiosim/analysis/arm_comparison.hpp"
#include "regiosim/analysis/kaplan_meier.hpp"
#include "regiosim/core/scenario.hpp"

namespace regiosim::server {

/// What an ensemble request asks for; the arms are checked against the scenario.
struct EnsemblePlan {
    std::vector<std::string> arms;  ///< empty: every arm; the baseline is always run first
    int replications = 200;
    std::uint64_t seed = 0;
    int threads = 1;
};

/// Every arm's Kaplan–Meier curve and the what-if table, as `regiosim compare` prints it.
struct EnsembleResult {
    std::vector<std::string> arms;
    std::vector<analysis::KaplanMeier> curves;  ///< per arm, time in months
    std::vector<analysis::ArmComparison> table;
    int replications = 0;
    std::uint64_t seed = 0;
    int horizon_months = 0;
};

/// The arms an ensemble runs: the baseline first, then those asked for (all when none are), each
/// once: naming the baseline too adds nothing. Throws RequestError 422 for an unknown arm.
[[nodiscard]] std::vector<std::string> ensemble_arms(const Scenario& scenario,
                                                     const std::vector<std::string>& asked);

/// Runs the plan with the experiment engine and summarises it with the analysis library.
/// Throws RequestError 422 for an unknown arm.
[[nodiscard]] EnsembleResult run_ensemble(const Scenario& scenario, const EnsemblePlan& plan);

}  // namespace regiosim::server

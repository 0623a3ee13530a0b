#pragma once

// Shared pieces of the stylized-fact tests (MODEL_BRIEF §8): a region built in code, arms,
// and confidence intervals. Every fact is shown with enough replications that a 95 % interval
// of the effect excludes zero; the effect sizes are printed so the issue notes can quote them.

#include <cmath>
#include <string>
#include <vector>

#include "regiosim/core/scenario.hpp"
#include "regiosim/experiment/arm_outcomes.hpp"

namespace regiosim::stylized {

/// Style counts of a generated region.
struct StyleMix {
    int defensief = 0;
    int utilitair = 0;
    int offensief = 0;
    int overstijgend = 0;
    [[nodiscard]] int total() const { return defensief + utilitair + offensief + overstijgend; }
};

/// The test region: schools, an mbo, the municipality, a broker and companies; a 4-year
/// programme subsidy (RIF-like, seed 003); 15-year horizon. `mix` gives the styles of the
/// schools and companies (the mbo is utilitair, the municipality offensief, the broker
/// overstijgend, as in scenarios/reference.toml).
[[nodiscard]] Scenario make_region(int schools, int companies, StyleMix mix,
                                   int parallel_collaborations = 1);

/// The literature mix for `n` partners: ≈ ½ conditional cooperators (utilitair), ⅓ free
/// riders (defensief), the rest offensief/overstijgend (Fischbacher et al. 2001).
[[nodiscard]] StyleMix literature_mix(int n);

[[nodiscard]] InterventionSpec intervention(InterventionKind kind, std::string name = {});

/// Adds an arm with these interventions and returns the scenario.
Scenario& add_arm(Scenario& scenario, std::string name,
                  std::vector<InterventionSpec> interventions);

/// Runs `replications` of the named arm (seed fixed by the scenario).
[[nodiscard]] ArmOutcomes run_arm(const Scenario& scenario, const std::string& arm,
                                  int replications);

/// Estimate with a 95 % confidence interval.
struct Effect {
    double estimate = 0.0;
    double lower = 0.0;
    double upper = 0.0;
    [[nodiscard]] bool above_zero() const { return lower > 0.0; }
    [[nodiscard]] bool below_zero() const { return upper < 0.0; }
};

/// Difference of two means (Welch, normal approximation).
[[nodiscard]] Effect mean_difference(const std::vector<double>& a, const std::vector<double>& b);
/// Difference of two proportions (Wald).
[[nodiscard]] Effect proportion_difference(int hits_a, int n_a, int hits_b, int n_b);
/// A proportion with its Wilson 95 % interval.
[[nodiscard]] Effect proportion(int hits, int n);
/// Restricted mean survival time difference a − b up to the horizon, in years (Kaplan–Meier).
[[nodiscard]] Effect rmst_difference_years(const ArmOutcomes& a, const ArmOutcomes& b,
                                           double horizon_months);

[[nodiscard]] std::vector<double> as_double(const std::vector<int>& v);

/// Prints "fact N: label = estimate (lower, upper)" for the record.
void report(const std::string& fact, const std::string& label, const Effect& e);

}  // namespace regiosim::stylized

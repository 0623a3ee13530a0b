#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <span>
#include <vector>

/// @file
/// Morris screening measures from elementary effects (Morris 1991; μ* from Campolongo,
/// Cariboni & Saltelli 2007), for outputs of regiosim::design::morris_design.

namespace regiosim::analysis {

struct MorrisIndicesOptions {
    int bootstrap_resamples = 0;  ///< 0: no interval on μ* (bounds are NaN)
    double conf_level = 0.95;
    std::uint64_t seed = 0;
};

/// Screening measures per factor.
struct MorrisIndices {
    Eigen::VectorXd mu;             ///< mean elementary effect; effects of opposite sign cancel
    Eigen::VectorXd mu_star;        ///< mean absolute elementary effect: overall importance
    Eigen::VectorXd sigma;          ///< sample sd (n - 1) of the effects: interaction/non-linearity
    std::vector<int> effects;       ///< number of elementary effects per factor
    Eigen::VectorXd mu_star_lower;  ///< bootstrap percentile interval for μ*
    Eigen::VectorXd mu_star_upper;
};

/// Morris measures from outputs in trajectory order: trajectory t of a design over k factors is
/// outputs[t (k+1)] … outputs[t (k+1) + k], and its step s (entry t k + s of step_factor and
/// step_delta, as MorrisDesign::step_factor and ::step_delta) goes from outputs[t (k+1) + s] to
/// outputs[t (k+1) + s + 1], moving factor step_factor[t k + s] by step_delta[t k + s] in unit
/// scale. The elementary effect is (y_after - y_before) / step_delta.
///
/// A factor with no effects gets NaN measures; σ is NaN with fewer than two effects. The optional
/// interval resamples each factor's effects with replacement (percentile, type-7 quantiles,
/// Boost mt19937_64 seeded with options.seed).
/// @throws InvalidDataError if k < 1, the outputs are not r (k + 1) long with r k steps, a step
/// names a factor outside 0 … k-1 or has a zero or non-finite delta, an output is not finite,
/// bootstrap_resamples < 0 or conf_level is not in (0, 1).
[[nodiscard]] MorrisIndices morris_indices(const Eigen::VectorXd& outputs,
                                           std::span<const int> step_factor,
                                           std::span<const double> step_delta, int factors,
                                           const MorrisIndicesOptions& options = {});

/// The same measures from elementary effects already computed: effect[e] belongs to factor
/// factor_of_effect[e]. For designs other than trajectories (radial, hand-made).
/// @throws InvalidDataError on mismatched lengths, a factor outside 0 … k-1, a non-finite effect
/// or invalid options.
[[nodiscard]] MorrisIndices morris_indices_from_effects(std::span<const double> effect,
                                                        std::span<const int> factor_of_effect,
                                                        int factors,
                                                        const MorrisIndicesOptions& options = {});

}  // namespace regiosim::analysis

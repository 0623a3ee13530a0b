#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <vector>

/// @file
/// Morris elementary-effects screening designs (Morris 1991; Campolongo, Cariboni & Saltelli
/// 2007), without the trajectory-selection optimisation.
///
/// Factors take the p grid values 0, 1/(p-1), …, 1. A trajectory is k + 1 points; each step
/// moves exactly one factor, by +Δ or −Δ with Δ = p / (2 (p - 1)), and each factor moves once.
/// Per trajectory, each factor draws a base level from the lower half of the grid
/// (0 … 1 - Δ), a direction (up: start at the base and move to base + Δ; down: start at
/// base + Δ and move to the base) and the trajectory draws the order in which factors move.
/// This is the randomised orientation matrix B* = (J x* + Δ/2 ((2B - J) D* + J)) P* of Morris,
/// built step by step. With p even, every grid value is equally likely at every point.
///
/// **Layout.** Trajectory t (0-based) occupies rows t (k+1) … t (k+1) + k of `points`. Step s of
/// trajectory t (s = 0 … k-1) goes from row t (k+1) + s to row t (k+1) + s + 1 and is entry
/// t k + s of `step_factor` and `step_delta`.

namespace regiosim::design {

struct MorrisOptions {
    int trajectories = 10;  ///< r
    int levels = 4;         ///< p, even and >= 2
    std::uint64_t seed = 0;
};

struct MorrisDesign {
    int trajectories = 0;            ///< r
    int factors = 0;                 ///< k
    int levels = 0;                  ///< p
    double delta = 0.0;              ///< Δ = p / (2 (p - 1)), in unit scale
    Eigen::MatrixXd points;          ///< r (k + 1) × k, on the grid
    std::vector<int> step_factor;    ///< r k: the factor that moved at each step
    std::vector<double> step_delta;  ///< r k: +Δ or −Δ, the signed move of that factor

    /// Row of `points` where trajectory t starts.
    [[nodiscard]] int trajectory_start(int t) const { return t * (factors + 1); }
};

/// A Morris design over `factors` factors. Deterministic given options.seed.
/// @throws DesignError if factors < 1, trajectories < 1, levels is odd or < 2, or the design
/// would have more than 2^31 rows.
[[nodiscard]] MorrisDesign morris_design(int factors, const MorrisOptions& options);

}  // namespace regiosim::design

#pragma once

#include <Eigen/Dense>
#include <cstdint>

/// @file
/// Latin hypercube samples (McKay, Beckman & Conover 1979).

namespace regiosim::design {

/// Where a point sits inside its stratum.
enum class StratumPosition {
    jittered,  ///< uniformly at random: an unbiased sample of the hypercube
    centred,   ///< at the stratum's midpoint (i + 0.5) / n: a "lattice" sample
};

/// `n` points in [0, 1]^k such that each column, cut into the n strata [i/n, (i+1)/n), has
/// exactly one point in every stratum. Each column is its own random permutation of the strata;
/// columns are paired at random (no correlation or maximin optimisation).
/// Deterministic given `seed`; the permutations do not depend on `position`, so the centred
/// design is the jittered one moved to the stratum midpoints.
/// @throws DesignError if n < 1 or k < 1.
[[nodiscard]] Eigen::MatrixXd latin_hypercube(int n, int k, std::uint64_t seed,
                                              StratumPosition position = StratumPosition::jittered);

}  // namespace regiosim::design

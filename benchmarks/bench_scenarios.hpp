#pragma once

#include <string>

#include "regiosim/core/scenario.hpp"

/// The scenarios the benchmarks run: the shipped reference region, and the same region scaled
/// to another number of partners or another horizon, so that cost can be read against size.
namespace regiosim::bench {

/// scenarios/reference.toml, loaded once per process.
[[nodiscard]] const Scenario& reference_scenario();

/// The reference region with `partners` partners (its own partners repeated in order, renamed
/// so that names stay unique) and a horizon of `years` years.
[[nodiscard]] Scenario scaled_reference(int partners, int years);

}  // namespace regiosim::bench

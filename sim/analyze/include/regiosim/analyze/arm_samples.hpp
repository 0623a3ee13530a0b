#pragma once

#include "regiosim/analysis/arm_comparison.hpp"
#include "regiosim/experiment/arm_outcomes.hpp"

namespace regiosim {

/// The columns of one arm's replications that the what-if comparison reads; shared by
/// `compare` and the server's ensembles.
[[nodiscard]] analysis::ArmSample arm_sample_of(const ArmOutcomes& outcomes);

}  // namespace regiosim

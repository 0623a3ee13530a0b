#pragma once

#include <memory>

#include "regiosim/core/engine.hpp"
#include "regiosim/core/scenario.hpp"

namespace regiosim {

/// An engine of the chosen kind for one arm of a scenario: the fast engine (sim/core) or the
/// reference engine (sim/reference). `scenario` and `arm` must outlive it.
[[nodiscard]] std::unique_ptr<Engine> make_engine(EngineKind kind, const Scenario& scenario,
                                                  const Arm& arm);

}  // namespace regiosim

#include "regiosim/experiment/make_engine.hpp"

#include "regiosim/core/simulation.hpp"
#include "regiosim/reference/reference_simulation.hpp"

namespace regiosim {

std::unique_ptr<Engine> make_engine(EngineKind kind, const Scenario& scenario, const Arm& arm) {
    if (kind == EngineKind::reference) {
        return std::make_unique<reference::ReferenceSimulation>(scenario, arm);
    }
    return std::make_unique<Simulation>(scenario, arm);
}

}  // namespace regiosim

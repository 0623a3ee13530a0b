#pragma once

#include <string>

#include "regiosim/core/scenario.hpp"
#include "regiosim/scenario/loader.hpp"

namespace regiosim {

/// The scenario as fully resolved TOML, with commented section headers: every model parameter
/// (with unit, range and meaning), every partner (groups expanded, each partner naming its
/// `group`), every funding stream and every intervention with all the keys that apply to its
/// kind. Loading the text back gives a Scenario equal to `scenario`, provided `scenario` is one
/// the loader could produce (arms[0] is "baseline", names valid, values in range).
[[nodiscard]] std::string to_toml(const Scenario& scenario);

/// As to_toml(scenario.scenario), followed by the [sim_factors] and [[reflection.participants]]
/// sections it was built from. They change nothing on reading back, because every value they
/// could fill in is written explicitly, so loading the text gives an equal LoadedScenario.
[[nodiscard]] std::string to_toml(const LoadedScenario& loaded);

}  // namespace regiosim

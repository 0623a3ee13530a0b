#pragma once

#include <filesystem>
#include <vector>

#include "regiosim/core/scenario.hpp"
#include "regiosim/scenario/loader.hpp"
#include "result_fingerprint.hpp"

namespace regiosim::test {

/// Every scenarios/*.toml, loaded: a scenario added to the folder is covered without a change
/// here.
[[nodiscard]] inline std::vector<Scenario> shipped_scenarios() {
    std::vector<Scenario> scenarios;
    for (const auto& file :
         bench::scenario_files(std::filesystem::path(REGIOSIM_SOURCE_DIR) / "scenarios")) {
        scenarios.push_back(load_scenario(file));
    }
    return scenarios;
}

/// The shipped reference region with one parameter of its model changed: the knock-out that
/// the equivalence checks must report as a difference.
[[nodiscard]] inline Scenario reference_region() {
    return load_scenario(std::filesystem::path(REGIOSIM_SOURCE_DIR) / "scenarios/reference.toml");
}

}  // namespace regiosim::test

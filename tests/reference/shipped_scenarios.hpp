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

/// The shipped reference region (the knock-out cases change one parameter of its model).
[[nodiscard]] inline Scenario reference_region() {
    return load_scenario(std::filesystem::path(REGIOSIM_SOURCE_DIR) / "scenarios/reference.toml");
}

/// Test scenarios that exercise a rule no shipped scenario does (tests/reference/data/*.toml).
[[nodiscard]] inline std::vector<Scenario> rule_coverage_scenarios() {
    std::vector<Scenario> scenarios;
    for (const auto& file : bench::scenario_files(std::filesystem::path(REGIOSIM_SOURCE_DIR) /
                                                  "tests/reference/data")) {
        scenarios.push_back(load_scenario(file));
    }
    return scenarios;
}

}  // namespace regiosim::test

#pragma once

// Helpers shared by the scenario loader tests: small scenario texts, loading from text,
// collecting diagnostics, and random valid scenarios for round-trip tests.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "regiosim/errors/errors.hpp"
#include "regiosim/scenario/loader.hpp"

namespace regiosim::test {

/// tests/scenario/data in the source tree.
[[nodiscard]] std::filesystem::path data_dir();

/// A valid scenario with two partners, to which tests append sections.
[[nodiscard]] std::string minimal_text();

/// One reflection-tool participant's answers, to append to minimal_text(); theme levels u:
/// visie 0.625, relatie 0.4375, betrokken partners 0.5, daadkracht 5/12, inspiratie 0.4375,
/// monitoring 1/6.
[[nodiscard]] std::string example_participant();

/// Loads text named `name` with data_dir() as base directory.
[[nodiscard]] LoadedScenario load_text(std::string_view text,
                                       const std::string& name = "test.toml");

/// The diagnostics loading `text` produces; empty when it loads.
[[nodiscard]] std::vector<Diagnostic> diagnostics_of(std::string_view text,
                                                     const std::string& name = "test.toml");

/// The first diagnostic with this key path, or nullptr.
[[nodiscard]] const Diagnostic* find_diagnostic(const std::vector<Diagnostic>& diagnostics,
                                                std::string_view key_path);

/// All diagnostics, one per line, for INFO messages.
[[nodiscard]] std::string describe(const std::vector<Diagnostic>& diagnostics);

/// A random scenario the loader could have produced (valid names and ranges, arms[0] baseline).
[[nodiscard]] Scenario random_scenario(std::uint64_t seed);

/// random_scenario plus random SIM factors and reflection scores, consistent with it.
[[nodiscard]] LoadedScenario random_loaded_scenario(std::uint64_t seed);

}  // namespace regiosim::test

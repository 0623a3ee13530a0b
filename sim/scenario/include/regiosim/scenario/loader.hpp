#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "regiosim/core/scenario.hpp"
#include "regiosim/errors/errors.hpp"
#include "regiosim/scenario/reflection_tool.hpp"
#include "regiosim/scenario/sim_factors.hpp"

namespace regiosim {

/// Hard limits that keep the loader safe on any input (docs/scenario-format.md, "Limits").
struct ScenarioLimits {
    static constexpr std::size_t max_file_bytes = 4U * 1024U * 1024U;  ///< checked before parsing
    static constexpr int max_nesting = 64;  ///< tables/arrays/dotted keys inside each other
    static constexpr std::size_t max_values = 500'000;   ///< TOML values in one file
    static constexpr int max_extends_depth = 8;          ///< base files behind one scenario
    static constexpr int max_partners = 10'000;          ///< partners after group expansion
    static constexpr int max_list_entries = 10'000;      ///< entries of any other list
    static constexpr std::size_t max_diagnostics = 200;  ///< reported problems per load
};

/// A scenario together with the field instruments it was built from. The core Scenario has no
/// place for them; they are kept so `to_toml` can write them back and reports can cite them.
struct LoadedScenario {
    Scenario scenario;
    std::optional<ReflectionScores> reflection;  ///< [[reflection.participants]], if present
    std::optional<SimFactors> sim_factors;       ///< [sim_factors], if present
    std::string resolved_text;  ///< to_toml(*this): the fully resolved scenario, every default
                                ///< written out; store it next to results to rerun them
};

/// Loads and resolves a scenario file: follows `extends`, expands partner groups, fills every
/// default, applies the SIM factors and the reflection tool to values the file leaves unset,
/// and checks everything.
///
/// Throws DataError holding every problem found in one pass (exit code 65), each naming
/// file:line:column, the key path (`partners[3].style`), what is wrong and what would be valid.
/// Throws MissingInputError (66) when the file or a base it extends cannot be read.
[[nodiscard]] LoadedScenario load_scenario_detailed(const std::filesystem::path& file);

/// As load_scenario_detailed, from text; `display_name` is the file name used in diagnostics and
/// a relative `extends` is resolved against `base_dir`. For tests, fuzzing and the web server.
[[nodiscard]] LoadedScenario load_scenario_detailed_from_string(
    std::string_view text, const std::string& display_name, const std::filesystem::path& base_dir);

/// As load_scenario_detailed_from_string, but the text's own `[scenario] extends` may only name
/// one of `allowed_extends` exactly (file names relative to `base_dir`, e.g. "reference.toml");
/// the bases those files extend in turn are trusted. Anything else is a diagnostic that names
/// neither the value nor a path and is the same whether such a file exists or not: the web
/// server loads uploads this way, so an upload cannot read (or probe for) other files.
[[nodiscard]] LoadedScenario load_scenario_detailed_from_string(
    std::string_view text, const std::string& display_name, const std::filesystem::path& base_dir,
    const std::vector<std::string>& allowed_extends);

/// The resolved scenario of a file (load_scenario_detailed(file).scenario).
[[nodiscard]] Scenario load_scenario(const std::filesystem::path& file);

/// The resolved scenario of a text (load_scenario_detailed_from_string(...).scenario).
[[nodiscard]] Scenario load_scenario_from_string(std::string_view text,
                                                 const std::string& display_name,
                                                 const std::filesystem::path& base_dir);

/// Every problem of a scenario file; empty means it is valid. A file that cannot be read still
/// throws MissingInputError: there is nothing to diagnose in it.
[[nodiscard]] std::vector<Diagnostic> validate_scenario_file(const std::filesystem::path& file);

}  // namespace regiosim

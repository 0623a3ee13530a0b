#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "regiosim/core/scenario.hpp"
#include "regiosim/errors/errors.hpp"
#include "regiosim/scenario/loader.hpp"

namespace regiosim {

/// One value set on a scenario by a sweep factor, before the scenario is resolved.
struct ScenarioOverride {
    /// A key path in the scenario file's own terms: `model.trust.build_rate`, `context.urgency`,
    /// `scenario.horizon_years`, `partners[3].alignment`, `partner_groups[0].count`,
    /// `arms[1].interventions[0].start_month`. Indices are 0-based.
    std::string key_path;
    double value = 0.0;
    bool integer = false;   ///< write the value as a TOML integer (it must be integral)
    SourceLocation origin;  ///< where the factor is written; diagnostics point here
};

/// A scenario file parsed and merged with the bases it extends once, so that a sweep can
/// resolve it for every design point without reading files again. An override goes through the
/// same resolution and checks as a value written in the file: a misspelt key path gets a "did
/// you mean", an out-of-range value names the valid range, both pointing at the factor's origin.
class ScenarioTemplate {
  public:
    /// Reads `file`; throws like load_scenario_detailed when the file itself is not valid.
    explicit ScenarioTemplate(const std::filesystem::path& file);
    ~ScenarioTemplate();
    ScenarioTemplate(ScenarioTemplate&&) noexcept;
    ScenarioTemplate& operator=(ScenarioTemplate&&) noexcept;
    ScenarioTemplate(const ScenarioTemplate&) = delete;
    ScenarioTemplate& operator=(const ScenarioTemplate&) = delete;

    /// The file as it is, with every default filled in (and its resolved TOML text).
    [[nodiscard]] const LoadedScenario& base() const noexcept;

    /// The number written at `key_path` (after `extends`), or for `model.<group>.<name>` the
    /// value the scenario resolves to; nullopt when neither applies.
    [[nodiscard]] std::optional<double> value_at(std::string_view key_path) const;

    /// The scenario with `overrides` applied in order; throws DataError with every problem.
    /// Safe to call from several threads at once.
    [[nodiscard]] Scenario resolve(std::span<const ScenarioOverride> overrides) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace regiosim

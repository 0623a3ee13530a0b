#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "regiosim/core/style.hpp"
#include "regiosim/scenario/loader.hpp"
#include "regiosim/server/limits.hpp"
#include "regiosim/server/region_catalog.hpp"

namespace regiosim::server {

/// Switches one intervention of the scenario (arm empty) or of an arm on or off, or moves it.
struct InterventionSwitch {
    std::string arm;  ///< empty: the scenario's common interventions
    std::string name;
    bool enabled = true;
    std::optional<int> start_month;
};

/// What a teacher sets up in the page, and what a shared link carries: a region (shipped or
/// uploaded), changes to partners' styles and to interventions, and how to run it.
struct ClassSetting {
    std::string region;         ///< a shipped region's id; empty when scenario_text is given
    std::string scenario_text;  ///< an uploaded scenario file
    std::map<std::string, Style> styles;  ///< partner name → its style in this setting
    std::vector<InterventionSwitch> interventions;
    std::optional<std::uint64_t> seed;  ///< empty: the scenario's seed
    std::uint64_t run_index = 0;
    std::string arm = "baseline";     ///< arm of a single stepped run
    std::vector<std::string> arms;    ///< arms of an ensemble; empty: all, baseline first
    std::optional<int> replications;  ///< per arm of an ensemble; empty: the scenario's
};

/// Reads a request body into a setting. Throws RequestError 400 naming the first field that is
/// missing, of the wrong type or out of range; unknown fields are refused too, so a typo in a
/// hand-made link does not silently do nothing.
[[nodiscard]] ClassSetting parse_class_setting(std::string_view body, const ServerLimits& limits);

/// The scenario a setting describes, loaded and checked by the scenario loader: the region's
/// text, then the style and intervention changes written back as TOML (to_toml) and loaded
/// again, so the server runs exactly what the downloaded file holds.
///
/// Throws RequestError 422 with every loader diagnostic when the text or a change is invalid,
/// or when the scenario exceeds the server's limits on partners or horizon.
[[nodiscard]] LoadedScenario resolve_setting(const ClassSetting& setting,
                                             const RegionCatalog& catalog,
                                             const ServerLimits& limits);

}  // namespace regiosim::server

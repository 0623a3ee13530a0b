#pragma once

#include <nlohmann/json.hpp>

#include "regiosim/scenario/loader.hpp"
#include "regiosim/server/ensemble.hpp"
#include "regiosim/server/region_catalog.hpp"
#include "regiosim/server/run_recording.hpp"

/// @file
/// The JSON the browser reads. Numbers that are drawn are rounded to 3 decimals (a pixel is far
/// coarser), which keeps a 15-year run of 200 partners near a megabyte.

namespace regiosim::server {

/// [{id, name, description}] of the shipped regions.
[[nodiscard]] nlohmann::json regions_json(const RegionCatalog& catalog);

/// What the page lets a teacher change: partners with styles, the scenario's and each arm's
/// interventions with their start months, and the resolved TOML for downloading.
[[nodiscard]] nlohmann::json scenario_json(const LoadedScenario& loaded);

/// A stepped run: monthly series, per-partner commitment and status, trust links, the events
/// as sentences with their month, and `regiosim run`'s JSON (run_to_json) as `run`.
[[nodiscard]] nlohmann::json run_json(const RunRecording& recording, const Scenario& scenario);

/// Kaplan–Meier curves (in years) and the what-if table of an ensemble.
[[nodiscard]] nlohmann::json ensemble_json(const EnsembleResult& ensemble);

}  // namespace regiosim::server

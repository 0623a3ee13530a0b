#pragma once

#include <CLI/CLI.hpp>
#include <optional>

#include "regiosim/core/engine.hpp"

namespace regiosim::cli {

/// `--engine fast|reference`: which implementation of the model computes the runs. The reference
/// engine (sim/reference) states each rule of docs/ODD.md plainly and is where a researcher
/// prototypes a rule; it gives the same results as the fast one up to rounding, slower. Left
/// empty when the option is not given, so a command can fall back to what a file says.
CLI::Option* add_engine_option(CLI::App& command, std::optional<EngineKind>& engine);

}  // namespace regiosim::cli

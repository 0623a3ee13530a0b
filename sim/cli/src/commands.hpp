#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace regiosim::cli {

/// Each subcommand registers its options and returns the action that runs it; the action
/// returns the process exit code or throws a regiosim::Error.
using Action = std::function<int()>;
/// A registered subcommand and what runs when it was given.
using Command = std::pair<CLI::App*, Action>;

Command add_run_command(CLI::App& app);
Command add_validate_command(CLI::App& app);
Command add_show_command(CLI::App& app);
Command add_compare_command(CLI::App& app);
Command add_params_command(CLI::App& app);
Command add_reflect_command(CLI::App& app);
Command add_serve_command(CLI::App& app);
Command add_sweep_command(CLI::App& app);
Command add_analyze_command(CLI::App& app);
Command add_report_command(CLI::App& app);

/// The command line as typed, for the provenance of results files (set once by main).
void remember_command_line(int argc, char** argv);
[[nodiscard]] const std::string& command_line();

}  // namespace regiosim::cli

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "commands.hpp"
#include "regiosim/errors/errors.hpp"
#include "regiosim/results/hdf5_handle.hpp"
#include "regiosim/version.hpp"

namespace {

std::string version_text() {
    return fmt::format("regiosim {} (git {}{})", regiosim::build_info::version,
                       regiosim::build_info::git_commit,
                       regiosim::build_info::git_dirty ? ", dirty" : "");
}

}  // namespace

int main(int argc, char** argv) {
    using regiosim::ExitCode;
    regiosim::h5::skip_library_shutdown_at_exit();
    CLI::App app{"regiosim — agent-based simulator of regional collaboration"};
    app.require_subcommand(1);
    app.set_version_flag("--version", version_text());

    namespace cli = regiosim::cli;
    cli::remember_command_line(argc, argv);
    std::vector<cli::Command> actions = {
        cli::add_run_command(app),    cli::add_validate_command(app),
        cli::add_show_command(app),   cli::add_compare_command(app),
        cli::add_sweep_command(app),  cli::add_analyze_command(app),
        cli::add_report_command(app), cli::add_serve_command(app),
        cli::add_params_command(app), cli::add_reflect_command(app)};

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return static_cast<int>(ExitCode::usage);
    }

    try {
        for (auto& [sub, action] : actions) {
            if (sub->parsed()) {
                return action();
            }
        }
    } catch (const regiosim::Error& e) {
        std::cerr << "regiosim: " << e.what() << '\n';
        return static_cast<int>(e.exit_code());
    } catch (const std::exception& e) {
        std::cerr << "regiosim: internal error: " << e.what() << '\n';
        return static_cast<int>(ExitCode::software);
    }
    return static_cast<int>(ExitCode::usage);
}

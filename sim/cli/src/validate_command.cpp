#include <fmt/format.h>

#include <iostream>

#include "commands.hpp"
#include "regiosim/errors/errors.hpp"
#include "regiosim/scenario/loader.hpp"

namespace regiosim::cli {

Command add_validate_command(CLI::App& app) {
    auto files = std::make_shared<std::vector<std::string>>();
    auto* sub = app.add_subcommand("validate", "Check scenario files without running them");
    sub->add_option("files", *files, "Scenario files (TOML)")->required();
    return {sub, [files]() {
                int worst = 0;
                for (const auto& file : *files) {
                    try {
                        const auto diagnostics = validate_scenario_file(file);
                        if (diagnostics.empty()) {
                            fmt::print("ok: {}\n", file);
                            continue;
                        }
                        for (const auto& d : diagnostics) {
                            std::cerr << d.to_string() << '\n';
                        }
                        worst = std::max(worst, static_cast<int>(ExitCode::data));
                    } catch (const Error& e) {
                        std::cerr << e.what() << '\n';
                        worst = std::max(worst, static_cast<int>(e.exit_code()));
                    }
                }
                return worst;
            }};
}

}  // namespace regiosim::cli

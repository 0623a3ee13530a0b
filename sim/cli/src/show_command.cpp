#include <iostream>

#include "commands.hpp"
#include "regiosim/scenario/loader.hpp"
#include "regiosim/scenario/writer.hpp"

namespace regiosim::cli {

Command add_show_command(CLI::App& app) {
    auto file = std::make_shared<std::string>();
    auto* sub = app.add_subcommand(
        "show", "Print the fully resolved scenario, every default filled in, as TOML");
    sub->add_option("scenario", *file, "Scenario file (TOML)")->required();
    return {sub, [file]() {
                std::cout << to_toml(load_scenario_detailed(*file));
                return 0;
            }};
}

}  // namespace regiosim::cli

#include <iostream>

#include "commands.hpp"
#include "regiosim/core/parameters.hpp"
#include "regiosim/scenario/reflection_tool.hpp"

namespace regiosim::cli {

Command add_reflect_command(CLI::App& app) {
    auto file = std::make_shared<std::string>();
    auto* sub = app.add_subcommand("reflect",
                                   "Turn reflection-tool answers (seed 002) into a starting state");
    sub->add_option("answers", *file, "Answers file (TOML, [[reflection.participants]])")
        ->required();
    return {sub, [file]() {
                std::cout << reflect_report(load_reflection_answers(*file), ModelParameters{});
                return 0;
            }};
}

}  // namespace regiosim::cli

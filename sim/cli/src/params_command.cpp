#include <fmt/format.h>

#include <string>

#include "commands.hpp"
#include "regiosim/core/parameters.hpp"

namespace regiosim::cli {

Command add_params_command(CLI::App& app) {
    auto markdown = std::make_shared<bool>(false);
    auto* sub =
        app.add_subcommand("params", "List every model parameter with default, unit and range");
    sub->add_flag("--markdown", *markdown, "As a Markdown table");
    return {sub, [markdown]() {
                for (const auto& p : parameter_table()) {
                    // The key as a factor (`key = "model.trust.build_rate"`) or an override
                    // writes it; in a scenario it is `build_rate` under `[model.trust]`.
                    const std::string key = fmt::format("model.{}", p.key);
                    if (*markdown) {
                        fmt::print("| `{}` | {} | {} | {} – {} | {} | {} |\n", key, p.default_value,
                                   p.unit, p.min, p.max, p.meaning, p.source);
                    } else {
                        fmt::print("{:<50} {:>10} {:<22} [{}, {}]\n", key, p.default_value, p.unit,
                                   p.min, p.max);
                    }
                }
                return 0;
            }};
}

}  // namespace regiosim::cli

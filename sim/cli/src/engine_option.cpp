#include "engine_option.hpp"

#include <string>

namespace regiosim::cli {

CLI::Option* add_engine_option(CLI::App& command, std::optional<EngineKind>& engine) {
    return command
        .add_option_function<std::string>(
            "--engine", [&engine](const std::string& name) { engine = parse_engine_kind(name); },
            "Model implementation: fast (default) or reference (plain rules of docs/ODD.md, "
            "slower; for checking and prototyping rules)")
        ->check(CLI::IsMember({std::string(to_string(EngineKind::fast)),
                               std::string(to_string(EngineKind::reference))}));
}

}  // namespace regiosim::cli

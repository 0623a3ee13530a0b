#include <array>
#include <iostream>

#include "commands.hpp"
#include "regiosim/core/errors.hpp"

namespace regiosim::cli {

void add_pending_commands(CLI::App& app, std::vector<Command>& actions) {
    struct Pending {
        const char* name;
        const char* summary;
        const char* issue;
    };
    // Every command has landed; an entry here announces the next one in `--help`.
    static constexpr std::array<Pending, 0> pending{};
    for (const auto& p : pending) {
        auto* sub = app.add_subcommand(p.name, p.summary);
        sub->allow_extras();
        const std::string name = p.name;
        const std::string issue = p.issue;
        actions.emplace_back(sub, [name, issue]() {
            std::cerr << "regiosim " << name << ": not available in this version; it lands with "
                      << issue << ".\n";
            return static_cast<int>(ExitCode::usage);
        });
    }
}

}  // namespace regiosim::cli

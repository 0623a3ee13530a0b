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
    static constexpr Pending pending[] = {
        {"sweep", "Run an experiment design (grid, LHS, Sobol, Morris) to an HDF5 results file",
         "the experiments issue (#5)"},
        {"analyze", "Survival statistics and sensitivity indices from a saved sweep",
         "the analysis issue (#6)"},
        {"report", "A plain policymaker report (HTML/PDF) of a comparison",
         "the analysis issue (#6)"},
        {"serve", "Explore a region in the browser", "the browser issue (#9)"},
    };
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

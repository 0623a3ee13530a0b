#include <fmt/format.h>

#include <iostream>

#include "commands.hpp"
#include "regiosim/analyze/results_analysis.hpp"
#include "whatif_table.hpp"

namespace regiosim::cli {

namespace {

struct AnalyzeOptions {
    std::string results;
    bool json = false;
    bool csv = false;
};

// A numeric field of a row, formatted, or "—" when absent or null.
std::string number(const nlohmann::json& row, const char* key, const char* format) {
    const auto it = row.find(key);
    return it != row.end() && it->is_number() ? fmt::format(fmt::runtime(format), it->get<double>())
                                              : std::string("—");
}

void print_sensitivity(const nlohmann::json& s) {
    if (s.is_null()) {
        return;
    }
    const std::string method = s.at("method").get<std::string>();
    fmt::print("\nSensitivity ({}) of {}\n\n", method, s.at("output").get<std::string>());
    if (method == "sobol") {
        fmt::print("{:<16} {:<34} {:>22} {:>22}\n", "arm", "factor", "first order (95 % CI)",
                   "total order (95 % CI)");
        for (const auto& r : s.at("rows")) {
            fmt::print(
                "{:<16} {:<34} {:>22} {:>22}\n", r.at("arm").get<std::string>(),
                r.at("factor").get<std::string>(),
                number(r, "first_order", "{:.3f}") + " (" + number(r, "first_lower", "{:.2f}") +
                    "–" + number(r, "first_upper", "{:.2f}") + ")",
                number(r, "total_order", "{:.3f}") + " (" + number(r, "total_lower", "{:.2f}") +
                    "–" + number(r, "total_upper", "{:.2f}") + ")");
        }
    } else if (method == "morris") {
        fmt::print("{:<16} {:<34} {:>10} {:>10} {:>10}\n", "arm", "factor", "mu*", "mu", "sigma");
        for (const auto& r : s.at("rows")) {
            fmt::print("{:<16} {:<34} {:>10} {:>10} {:>10}\n", r.at("arm").get<std::string>(),
                       r.at("factor").get<std::string>(), number(r, "mu_star", "{:.1f}"),
                       number(r, "mu", "{:.1f}"), number(r, "sigma", "{:.1f}"));
        }
    } else {
        fmt::print("{:<16} {:<34} {:>12} {:>12}\n", "arm", "factor", "value", "mean months");
        for (const auto& r : s.at("rows")) {
            fmt::print(
                "{:<16} {:<34} {:>12} {:>12}{}\n", r.at("arm").get<std::string>(),
                r.at("factor").get<std::string>(), number(r, "value", "{:.4g}"),
                number(r, "mean_months", "{:.1f}"),
                r.find("base_point") != r.end() && r.at("base_point") == true ? "  (base)" : "");
        }
    }
}

}  // namespace

Command add_analyze_command(CLI::App& app) {
    auto o = std::make_shared<AnalyzeOptions>();
    auto* sub = app.add_subcommand(
        "analyze", "Survival statistics and sensitivity indices from a saved sweep");
    sub->add_option("results", o->results, "Results file (HDF5) written by `regiosim sweep`")
        ->required();
    sub->add_flag("--json", o->json, "Print the whole analysis as JSON (the report's input)");
    sub->add_flag("--csv", o->csv, "Print the what-if table as CSV");
    sub->callback([sub]() {
        if (sub->count("--json") > 0 && sub->count("--csv") > 0) {
            throw CLI::ValidationError("--json and --csv", "choose one output format");
        }
    });
    return {sub, [o]() {
                const auto analysis = analyse_results_detailed(o->results);
                if (o->json) {
                    std::cout << analysis.document.dump(2) << '\n';
                } else if (o->csv) {
                    std::cout << whatif_csv(analysis.what_if);
                } else {
                    const auto& d = analysis.document;
                    fmt::print("{} · experiment {} · design {} · regiosim {}\n\n", o->results,
                               d.at("experiment").get<std::string>(),
                               d.at("design").get<std::string>(),
                               d.at("provenance").at("software_version").get<std::string>());
                    for (const auto& sentence : d.at("summary")) {
                        fmt::print("{}\n", sentence.get<std::string>());
                    }
                    fmt::print("\n{}", whatif_text(analysis.what_if, analysis.horizon_months));
                    print_sensitivity(d.at("sensitivity"));
                }
                return 0;
            }};
}

}  // namespace regiosim::cli

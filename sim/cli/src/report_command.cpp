#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "output_files.hpp"
#include "regiosim/analyze/results_analysis.hpp"
#include "regiosim/report/report_html.hpp"

namespace regiosim::cli {

namespace {

struct ReportOptions {
    std::string results;
    std::string out;
};

// results/<stem>-report.html: beside the other outputs, and one level below docs/ so the
// report's relative link to the ODD resolves in a checkout.
std::filesystem::path default_output(const std::filesystem::path& results) {
    return std::filesystem::path("results") / (results.stem().string() + "-report.html");
}

}  // namespace

Command add_report_command(CLI::App& app) {
    auto o = std::make_shared<ReportOptions>();
    auto* sub = app.add_subcommand(
        "report", "A plain policymaker report (one self-contained HTML file) of a saved sweep");
    sub->add_option("results", o->results, "Results file (HDF5) written by `regiosim sweep`")
        ->required();
    sub->add_option("-o,--out", o->out, "HTML file to write (default: results/<stem>-report.html)");
    return {sub, [o]() {
                const auto analysis = analyse_results(o->results);
                const std::filesystem::path out =
                    o->out.empty() ? default_output(o->results) : std::filesystem::path(o->out);
                write_file_atomically(out, report::render_report_html(analysis));
                std::cout << "report written to " << out.string() << '\n';
                return 0;
            }};
}

}  // namespace regiosim::cli

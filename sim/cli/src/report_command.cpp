#include <fmt/format.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "output_files.hpp"
#include "regiosim/analyze/results_analysis.hpp"
#include "regiosim/errors/errors.hpp"
#include "regiosim/report/report_html.hpp"
#include "regiosim/results/output_target.hpp"

namespace regiosim::cli {

namespace {

struct ReportOptions {
    std::string results;
    std::string out;
    bool force = false;
};

// results/<stem>-report.html: beside the other outputs, and one level below docs/ so the
// report's relative link to the ODD resolves in a checkout.
std::filesystem::path default_output(const std::filesystem::path& results) {
    return std::filesystem::path("results") / (results.stem().string() + "-report.html");
}

// A report this command wrote before carries its generator mark near the top.
bool is_own_report(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string head(report::generator_meta_within_bytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head.find(report::generator_meta) != std::string::npos;
}

// Never the results file itself, never a device or folder; an earlier report is replaced, any
// other file only with --force.
void check_report_target(const std::filesystem::path& out, const std::filesystem::path& results,
                         bool force) {
    const std::array inputs = {results};
    check_output_target(out, inputs, "valid: -o naming a new file or an earlier regiosim report");
    if (!force && regular_file_exists(out) && !is_own_report(out)) {
        throw OutputError(fmt::format(
            "{}: exists and is not a report regiosim wrote; it is left untouched; valid: -o "
            "naming a new file or an earlier report, or --force to replace this file",
            out.string()));
    }
}

}  // namespace

Command add_report_command(CLI::App& app) {
    auto o = std::make_shared<ReportOptions>();
    auto* sub = app.add_subcommand(
        "report", "A plain policymaker report (one self-contained HTML file) of a saved sweep");
    sub->add_option("results", o->results, "Results file (HDF5) written by `regiosim sweep`")
        ->required();
    sub->add_option("-o,--out", o->out, "HTML file to write (default: results/<stem>-report.html)");
    sub->add_flag("--force", o->force,
                  "Replace an existing file that is not an earlier report (never the results "
                  "file, a folder or a device)");
    return {sub, [o]() {
                const std::filesystem::path out =
                    o->out.empty() ? default_output(o->results) : std::filesystem::path(o->out);
                check_report_target(out, o->results, o->force);
                const auto analysis = analyse_results(o->results);
                write_file_atomically(out, report::render_report_html(analysis));
                std::cout << "report written to " << out.string() << '\n';
                return 0;
            }};
}

}  // namespace regiosim::cli

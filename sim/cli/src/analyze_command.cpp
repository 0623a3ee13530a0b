#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "regiosim/analyze/results_analysis.hpp"
#include "regiosim/errors/errors.hpp"
#include "whatif_table.hpp"

namespace regiosim::cli {

namespace {

struct AnalyzeOptions {
    std::string results;
    bool json = false;
    bool csv = false;
    std::string table = "what-if";
};

// Columns in reading order for every sensitivity method; any other key follows, sorted.
const std::vector<std::string> column_order = {
    "arm",          "factor",      "prcc",        "prcc_lower",  "prcc_upper",
    "prcc_p_value", "alive_prcc",  "alive_lower", "alive_upper", "alive_p_value",
    "first_order",  "first_lower", "first_upper", "total_order", "total_lower",
    "total_upper",  "mu_star",     "mu",          "sigma",       "effects",
    "value",        "base_point",  "points",      "mean_months", "share_alive"};

std::string csv_cell(const nlohmann::json& v) {
    std::string text;
    if (v.is_null()) {
        return text;
    }
    text = v.is_string() ? v.get<std::string>() : v.dump();
    if (text.find_first_of(",\"\n") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return quoted + "\"";
}

// Rows of JSON objects as CSV with one header line; numbers unrounded, null as empty.
std::string rows_csv(const nlohmann::json& rows) {
    std::vector<std::string> columns;
    if (!rows.empty()) {
        for (const auto& name : column_order) {
            if (rows.front().contains(name)) {
                columns.push_back(name);
            }
        }
        for (const auto& [key, value] : rows.front().items()) {
            if (std::find(columns.begin(), columns.end(), key) == columns.end()) {
                columns.push_back(key);
            }
        }
    }
    std::string out;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        out += (c == 0 ? "" : ",") + csv_cell(columns[c]);
    }
    out += '\n';
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            out += (c == 0 ? "" : ",") + csv_cell(row.value(columns[c], nlohmann::json()));
        }
        out += '\n';
    }
    return out;
}

// The CSV of the table `--table` names; the what-if table by default.
std::string table_csv(const ResultsAnalysis& analysis, const std::string& table) {
    if (table == "what-if") {
        return whatif_csv(analysis.what_if);
    }
    const auto& s = analysis.document.at("sensitivity");
    const char* key = table == "sensitivity" ? "rows" : "main_effects";
    if (s.is_null() || !s.contains(key)) {
        throw UsageError(fmt::format(
            "--table {}: a {} design has no such table; sensitivity needs a sobol, morris, "
            "one_at_a_time, latin_hypercube or full_factorial design, main-effects a "
            "full_factorial one",
            table, analysis.document.at("design").get<std::string>()));
    }
    return rows_csv(s.at(key));
}

// A numeric field of a row, formatted, or "—" when absent or null.
std::string number(const nlohmann::json& row, const char* key, const char* format) {
    const auto it = row.find(key);
    return it != row.end() && it->is_number() ? fmt::format(fmt::runtime(format), it->get<double>())
                                              : std::string("—");
}

// "0.62 (0.48–0.73)", or "—" where the coefficient is undefined.
std::string coefficient(const nlohmann::json& row, const std::string& prefix,
                        const std::string& estimate) {
    if (!row.contains(estimate) || !row.at(estimate).is_number()) {
        return "—";
    }
    return number(row, estimate.c_str(), "{:+.2f}") + " (" +
           number(row, (prefix + "lower").c_str(), "{:+.2f}") + " to " +
           number(row, (prefix + "upper").c_str(), "{:+.2f}") + ")";
}

std::string p_value(const nlohmann::json& row, const char* key) {
    const auto it = row.find(key);
    if (it == row.end() || !it->is_number()) {
        return "—";
    }
    const double p = it->get<double>();
    return p < 0.001 ? std::string("<0.001") : fmt::format("{:.3f}", p);
}

void print_prcc(const nlohmann::json& s) {
    fmt::print("{:<16} {:<34} {:>26} {:>7} {:>26} {:>7}\n", "arm", "factor",
               "PRCC months (95 % CI)", "p", "PRCC alive (95 % CI)", "p");
    for (const auto& r : s.at("rows")) {
        fmt::print("{:<16} {:<34} {:>26} {:>7} {:>26} {:>7}\n", r.at("arm").get<std::string>(),
                   r.at("factor").get<std::string>(), coefficient(r, "prcc_", "prcc"),
                   p_value(r, "prcc_p_value"), coefficient(r, "alive_", "alive_prcc"),
                   p_value(r, "alive_p_value"));
    }
    fmt::print(
        "\nPRCC: partial rank correlation of the factor with the outcome over the {} design "
        "points, with the other\nfactors' influence removed (Marino et al. 2008): from -1 to +1, "
        "the sign gives the direction;\nan interval that contains 0 shows no influence beyond "
        "chance.\nmonths: {}.\nalive: {}.\n—: not defined (the factor or the outcome does not "
        "vary once the other factors are accounted for).\n",
        s.at("points").get<long long>(), s.at("output").get<std::string>(),
        s.at("alive_output").get<std::string>());
    for (const auto& note : s.value("notes", nlohmann::json::array())) {
        fmt::print("Note: {}\n", note.get<std::string>());
    }
    if (s.contains("main_effects")) {
        fmt::print("\nMain effects: mean outcome over the design points at each level\n\n");
        fmt::print("{:<16} {:<34} {:>12} {:>7} {:>12} {:>8}\n", "arm", "factor", "value", "points",
                   "mean months", "alive");
        for (const auto& r : s.at("main_effects")) {
            fmt::print("{:<16} {:<34} {:>12} {:>7} {:>12} {:>7.0f}%\n",
                       r.at("arm").get<std::string>(), r.at("factor").get<std::string>(),
                       number(r, "value", "{:.4g}"), r.at("points").get<int>(),
                       number(r, "mean_months", "{:.1f}"),
                       100.0 * r.at("share_alive").get<double>());
        }
    }
}

// Each arm against the baseline: the log-rank test and the proportional-hazards check that says
// whether its hazard ratio holds over the whole horizon.
void print_arm_tests(const nlohmann::json& tests) {
    if (tests.empty()) {
        return;
    }
    fmt::print("\nTests against the baseline\n\n");
    fmt::print("{:<24} {:>18} {:>9} {:>26}\n", "arm", "log-rank chi2 (df)", "p",
               "proportional hazards p");
    for (const auto& r : tests) {
        const std::string chisq =
            r.at("logrank_chisq").is_number()
                ? fmt::format("{:.2f} ({})", r.at("logrank_chisq").get<double>(),
                              r.at("logrank_df").get<int>())
                : std::string("—");
        fmt::print("{:<24} {:>18} {:>9} {:>26}\n", r.at("arm").get<std::string>(), chisq,
                   p_value(r, "logrank_p_value"), p_value(r, "ph_p_value"));
    }
    fmt::print(
        "\nlog-rank: equal survival in the arm and the baseline (R's survdiff); a small p says "
        "they differ.\nproportional hazards: Grambsch–Therneau test of the arm's Cox model (R's "
        "cox.zph); a small p says\nthe hazard ratio changes over time, so read it as an "
        "average over the horizon. —: not estimable.\n");
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
    } else if (method == "prcc") {
        print_prcc(s);
        return;
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
    sub->add_flag("--csv", o->csv, "Print a table as CSV (the what-if table unless --table)");
    sub->add_option("--table", o->table, "The table --csv prints")
        ->check(CLI::IsMember({"what-if", "sensitivity", "main-effects"}))
        ->capture_default_str();
    sub->callback([sub]() {
        if (sub->count("--json") > 0 && sub->count("--csv") > 0) {
            throw CLI::ValidationError("--json and --csv", "choose one output format");
        }
        if (sub->count("--table") > 0 && sub->count("--csv") == 0) {
            throw CLI::ValidationError("--table", "applies to --csv output only");
        }
    });
    return {sub, [o]() {
                const auto analysis = analyse_results_detailed(o->results);
                if (o->json) {
                    std::cout << analysis.document.dump(2) << '\n';
                } else if (o->csv) {
                    std::cout << table_csv(analysis, o->table);
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
                    print_arm_tests(d.at("arm_tests"));
                    print_sensitivity(d.at("sensitivity"));
                }
                return 0;
            }};
}

}  // namespace regiosim::cli

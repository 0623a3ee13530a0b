#include <fmt/format.h>

#include <string>
#include <vector>

#include "html_text.hpp"
#include "json_fields.hpp"
#include "rank_sensitivity_section.hpp"
#include "sections.hpp"

namespace regiosim::report {

namespace {

// A report usually lands in results/, beside docs/ in the repository.
constexpr const char* odd_parameters_link = "../docs/ODD.md#10-parameters";

std::string cell(const nlohmann::json& value) {
    return fmt::format("<td>{}</td>", escape_html(plain_value(value)));
}

std::string provenance_entry(const char* term, const std::string& description) {
    return fmt::format("<dt>{}</dt><dd>{}</dd>\n", term, escape_html(description));
}

}  // namespace

std::string assumptions_section(const nlohmann::json& analysis) {
    const auto& parameters = array_field(analysis, "parameters");
    std::string rows;
    int changed = 0;
    for (const auto& p : parameters) {
        const auto& value = field(p, "value");
        const auto& fallback = field(p, "default");
        const bool differs = !fallback.is_null() && value != fallback;
        changed += differs ? 1 : 0;
        rows += fmt::format(
            "<tr{}><th scope=\"row\"><code>{}</code>{}</th>{}{}{}{}{}</tr>\n",
            differs ? " class=\"changed\"" : "", escape_html(text_field(p, "key", "?")),
            differs ? " <span class=\"note\">(changed)</span>" : "", cell(value), cell(fallback),
            cell(field(p, "unit")), cell(field(p, "meaning")), cell(field(p, "source")));
    }
    std::string table;
    if (parameters.empty()) {
        table = "<p>This analysis lists no parameters.</p>\n";
    } else {
        table = fmt::format(
            "<div class=\"table-scroll\"><table id=\"parameters-table\">\n"
            "<caption>{} parameters; {} differ from the default and are marked "
            "\u201cchanged\u201d.</caption>\n"
            "<thead><tr><th scope=\"col\">Parameter</th><th scope=\"col\">Value used</th>"
            "<th scope=\"col\">Default</th><th scope=\"col\">Unit</th>"
            "<th scope=\"col\">Meaning</th><th scope=\"col\">Source</th></tr></thead>\n"
            "<tbody>\n{}</tbody>\n</table></div>\n",
            parameters.size(), changed, rows);
    }
    return fmt::format(
        "<section id=\"assumptions\" aria-labelledby=\"assumptions-heading\">\n"
        "<h2 id=\"assumptions-heading\">Assumptions</h2>\n"
        "<p>These results come from a simulation model, not from observed collaborations: they "
        "show what follows from the assumptions below, and are as good as those assumptions. "
        "Every parameter, its source and why it has its value is described in the model "
        "description (<a href=\"{}\">ODD, section 10: parameters</a>).</p>\n{}</section>\n",
        odd_parameters_link, table);
}

std::string sensitivity_section(const nlohmann::json& analysis) {
    const auto& sensitivity = field(analysis, "sensitivity");
    const auto& rows = array_field(sensitivity, "rows");
    if (rows.empty() || !rows.front().is_object()) {
        return "";
    }
    if (text_field(sensitivity, "method") == "prcc") {
        return fmt::format(
            "<section id=\"sensitivity\" aria-labelledby=\"sensitivity-heading\">\n"
            "<h2 id=\"sensitivity-heading\">Which assumptions matter most</h2>\n{}</section>\n",
            prcc_tables(sensitivity));
    }
    std::vector<std::string> columns;
    std::string head = "<tr>";
    for (const auto& [key, value] : rows.front().items()) {
        columns.push_back(key);
        head += fmt::format("<th scope=\"col\">{}</th>", escape_html(key));
    }
    std::string body;
    for (const auto& row : rows) {
        body += "<tr>";
        for (const auto& column : columns) {
            body += cell(field(row, column));
        }
        body += "</tr>\n";
    }
    return fmt::format(
        "<section id=\"sensitivity\" aria-labelledby=\"sensitivity-heading\">\n"
        "<h2 id=\"sensitivity-heading\">Which assumptions matter most</h2>\n"
        "<p>Sensitivity analysis ({}) of {}: parameters with a larger index change the outcome "
        "more when they are varied over their plausible range.</p>\n"
        "<div class=\"table-scroll\"><table id=\"sensitivity-table\">\n<thead>{}</tr></thead>\n"
        "<tbody>\n{}</tbody>\n</table></div>\n</section>\n",
        escape_html(text_field(sensitivity, "method", "unknown method")),
        escape_html(text_field(sensitivity, "output", "the outcome")), head, body);
}

std::string provenance_footer(const nlohmann::json& analysis) {
    const auto& p = field(analysis, "provenance");
    const auto& dirty = field(p, "git_dirty");
    std::string commit = text_field(p, "git_commit", "unknown");
    if (dirty.is_boolean() && dirty.get<bool>()) {
        commit += " (with uncommitted changes)";
    }
    std::string entries;
    entries += provenance_entry("regiosim version", plain_value(field(p, "software_version")));
    entries += provenance_entry("Git commit", commit);
    entries += provenance_entry("Master seed", plain_value(field(p, "master_seed")));
    entries += provenance_entry("Command", plain_value(field(p, "command_line")));
    entries += provenance_entry("Results created", plain_value(field(p, "created")));
    entries += provenance_entry("Results file", plain_value(field(analysis, "file")));
    entries += provenance_entry("Experiment", plain_value(field(analysis, "experiment")));
    entries += provenance_entry("Design", plain_value(field(analysis, "design")));
    return fmt::format(
        "<footer id=\"provenance\" aria-labelledby=\"provenance-heading\">\n"
        "<h2 id=\"provenance-heading\">Where these numbers come from</h2>\n"
        "<p>Running the same command with the same version and seed gives the same "
        "numbers.</p>\n<dl>\n{}</dl>\n</footer>\n",
        entries);
}

}  // namespace regiosim::report

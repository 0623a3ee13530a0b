#include "rank_sensitivity_section.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "estimate_text.hpp"
#include "html_text.hpp"
#include "json_fields.hpp"

namespace regiosim::report {

namespace {

constexpr const char* em_dash = "\u2014";

// Two decimals with a real minus sign, so "−0.40" does not read as a dash.
std::string signed_text(double value) {
    const std::string digits = fmt::format("{:.2f}", std::abs(value));
    if (digits == "0.00") {
        return digits;
    }
    return (value < 0.0 ? "\u2212" : "+") + digits;
}

// "+0.62 (+0.48 to +0.73)": with signs on both ends "to" reads better than a dash.
std::string coefficient_cell(const nlohmann::json& row, const char* estimate, const char* lower,
                             const char* upper) {
    const auto point = number_in(row, estimate);
    if (!point) {
        return fmt::format("<td class=\"number\">{}</td>", em_dash);
    }
    const auto low = number_in(row, lower);
    const auto high = number_in(row, upper);
    std::string interval;
    if (low && high) {
        interval = fmt::format(" <span class=\"ci\">({} to {})</span>", signed_text(*low),
                               signed_text(*high));
    }
    return fmt::format("<td class=\"number\">{}{}</td>", escape_html(signed_text(*point)),
                       interval);
}

std::string p_cell(const nlohmann::json& row, const char* key) {
    const auto p = number_in(row, key);
    const std::string text = !p ? em_dash : *p < 0.001 ? "< 0.001" : fmt::format("{:.3f}", *p);
    return fmt::format("<td class=\"number\">{}</td>", escape_html(text));
}

// Rows of one arm together, arms in the order of the analysis, the strongest correlation with
// the survival outcome first: the ranking is what the section is for.
std::vector<const nlohmann::json*> ranked(const nlohmann::json& rows) {
    std::vector<std::string> arms;
    std::vector<const nlohmann::json*> out;
    for (const auto& row : rows) {
        if (!row.is_object()) {
            continue;
        }
        out.push_back(&row);
        const auto arm = arm_name(row);
        if (std::find(arms.begin(), arms.end(), arm) == arms.end()) {
            arms.push_back(arm);
        }
    }
    const auto arm_index = [&](const nlohmann::json* row) {
        return std::find(arms.begin(), arms.end(), arm_name(*row)) - arms.begin();
    };
    const auto strength = [](const nlohmann::json* row) {
        const auto r = number_in(*row, "prcc");
        return r ? std::abs(*r) : -1.0;
    };
    std::stable_sort(out.begin(), out.end(), [&](const auto* a, const auto* b) {
        return arm_index(a) != arm_index(b) ? arm_index(a) < arm_index(b)
                                            : strength(a) > strength(b);
    });
    return out;
}

// A level as a reader writes it: 0.1333, not the 17 digits a level at 1/3 of a range has.
std::string level_text(const nlohmann::json& value) {
    return value.is_number_float() ? fmt::format("{:.4g}", value.get<double>())
                                   : plain_value(value);
}

std::string main_effects_table(const nlohmann::json& sensitivity) {
    const auto& effects = array_field(sensitivity, "main_effects");
    if (effects.empty()) {
        return "";
    }
    std::string body;
    for (const auto& e : effects) {
        body += fmt::format(
            "<tr><td>{}</td><td><code>{}</code></td><td class=\"number\">{}</td>"
            "<td class=\"number\">{}</td><td class=\"number\">{}</td><td class=\"number\">{}</td>"
            "</tr>\n",
            escape_html(arm_name(e)), escape_html(text_field(e, "factor", "?")),
            escape_html(level_text(field(e, "value"))),
            escape_html(plain_value(field(e, "points"))),
            escape_html(scaled_text(number_in(e, "mean_months"), Scale::years_from_months)),
            escape_html(scaled_text(number_in(e, "share_alive"), Scale::percent)));
    }
    return fmt::format(
        "<h3>Main effects</h3>\n"
        "<p>Every level of each parameter was combined with every level of the others, so the "
        "mean over the design points at one level, against the other levels, shows what that "
        "parameter does on its own.</p>\n"
        "<div class=\"table-scroll\"><table id=\"main-effects-table\">\n"
        "<thead><tr><th scope=\"col\">Arm</th><th scope=\"col\">Parameter</th>"
        "<th scope=\"col\" class=\"number\">Value</th>"
        "<th scope=\"col\" class=\"number\">Design points</th>"
        "<th scope=\"col\" class=\"number\">Mean years alive (RMST)</th>"
        "<th scope=\"col\" class=\"number\">Still alive at the horizon</th></tr></thead>\n"
        "<tbody>\n{}</tbody>\n</table></div>\n",
        body);
}

}  // namespace

std::string prcc_tables(const nlohmann::json& sensitivity) {
    std::string body;
    for (const auto* row : ranked(array_field(sensitivity, "rows"))) {
        body +=
            fmt::format("<tr><td>{}</td><td><code>{}</code></td>{}{}{}{}</tr>\n",
                        escape_html(arm_name(*row)), escape_html(text_field(*row, "factor", "?")),
                        coefficient_cell(*row, "prcc", "prcc_lower", "prcc_upper"),
                        p_cell(*row, "prcc_p_value"),
                        coefficient_cell(*row, "alive_prcc", "alive_lower", "alive_upper"),
                        p_cell(*row, "alive_p_value"));
    }
    std::string notes;
    for (const auto& note : array_field(sensitivity, "notes")) {
        if (note.is_string()) {
            notes += fmt::format("<li>{}</li>\n", escape_html(note.get<std::string>()));
        }
    }
    if (!notes.empty()) {
        notes = "<ul class=\"note\">\n" + notes + "</ul>\n";
    }
    return fmt::format(
        "<p>Partial rank correlation (PRCC) of each parameter with the outcome over the {} "
        "simulated parameter combinations, with the influence of the other parameters taken "
        "out. <strong>+1</strong>: the outcome always rises as the parameter rises; "
        "<strong>\u22121</strong>: it always falls; <strong>0</strong>: no steady trend. A "
        "range in brackets (95 %) that contains 0 means the simulations show no influence "
        "that could not be chance. PRCC sees steady trends only: a parameter that helps up to "
        "a point and harms beyond it can score near 0 and still matter.</p>\n"
        "<div class=\"table-scroll\"><table id=\"sensitivity-table\">\n"
        "<thead><tr><th scope=\"col\">Arm</th><th scope=\"col\">Parameter</th>"
        "<th scope=\"col\" class=\"number\">PRCC with mean years alive</th>"
        "<th scope=\"col\" class=\"number\">p</th>"
        "<th scope=\"col\" class=\"number\">PRCC with share alive at the horizon</th>"
        "<th scope=\"col\" class=\"number\">p</th></tr></thead>\n"
        "<tbody>\n{}</tbody>\n</table></div>\n{}{}",
        escape_html(plain_value(field(sensitivity, "points"))), body, notes,
        main_effects_table(sensitivity));
}

}  // namespace regiosim::report

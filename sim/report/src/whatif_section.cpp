#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "estimate_text.hpp"
#include "html_text.hpp"
#include "json_fields.hpp"
#include "plain_labels.hpp"
#include "regiosim/analysis/arm_comparison.hpp"
#include "sections.hpp"

namespace regiosim::report {

namespace {

constexpr std::size_t causes_shown = 3;

// The survival milestones of the arms ("survival_5y", "survival_10y", …) as (years, key), in
// numeric order.
std::vector<std::pair<int, std::string>> survival_columns(const nlohmann::json& arms) {
    static const std::regex milestone(R"(survival_(\d{1,3})y)");
    std::vector<std::pair<int, std::string>> columns;
    for (const auto& arm : arms) {
        if (!arm.is_object()) {
            continue;
        }
        for (const auto& [key, value] : arm.items()) {
            std::smatch m;
            const bool seen = std::any_of(columns.begin(), columns.end(),
                                          [&](const auto& c) { return c.second == key; });
            if (!seen && std::regex_match(key, m, milestone)) {
                columns.emplace_back(std::stoi(m[1].str()), key);
            }
        }
    }
    std::sort(columns.begin(), columns.end());
    return columns;
}

std::string top_causes(const nlohmann::json& causes) {
    if (!causes.is_object()) {
        return "\u2014";
    }
    std::vector<std::pair<double, std::string>> shares;
    for (const auto& [cause, share] : causes.items()) {
        if (cause != "censored" && share.is_number() && share.get<double>() > 0.0) {
            shares.emplace_back(share.get<double>(), cause);
        }
    }
    std::sort(shares.begin(), shares.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (shares.empty()) {
        return "none ended";
    }
    std::string text;
    for (std::size_t i = 0; i < std::min(causes_shown, shares.size()); ++i) {
        text += fmt::format("{}<span class=\"share\">{}</span> {}", i == 0 ? "" : "<br>",
                            scaled_text(shares[i].first, Scale::percent),
                            escape_html(cause_label(shares[i].second)));
    }
    return text;
}

std::string number_cell(const std::string& text) {
    return fmt::format("<td class=\"number\">{}</td>", escape_html(text));
}

// The interval goes on a line of its own (by CSS), so eleven columns fit a page.
std::string estimate_cell(const nlohmann::json& estimate, Scale scale) {
    const auto interval = interval_text(estimate, scale);
    if (!number_in(estimate, "estimate") || interval.empty()) {
        return number_cell(estimate_text(estimate, scale));
    }
    return fmt::format("<td class=\"number\">{} <span class=\"ci\">{}</span></td>",
                       escape_html(scaled_text(number_in(estimate, "estimate"), scale)),
                       escape_html(interval));
}

constexpr const char* caution_mark = "\u26a0";

bool flagged(const nlohmann::json& arm, const char* caution) {
    const auto& flags = array_field(arm, "caution");
    return std::any_of(flags.begin(), flags.end(),
                       [&](const nlohmann::json& f) { return f.is_string() && f == caution; });
}

// A visible mark on a cell whose estimate the notes under the table advise to doubt.
std::string with_caution_mark(std::string cell, bool doubtful) {
    if (!doubtful) {
        return cell;
    }
    const auto close = cell.rfind("</td>");
    return cell.insert(close, fmt::format(" <span class=\"caution\" title=\"read with caution: "
                                          "see the notes under the table\">{}</span>",
                                          caution_mark));
}

// Why a flagged estimate may be far off, in the arm's own numbers; the thresholds are argued
// where the flags are set.
std::string caution_explanation(const nlohmann::json& arm, const std::string& caution,
                                const nlohmann::json& baseline) {
    if (caution == "few_events") {
        return fmt::format(
            "hazard ratio: few collaborations ended ({} in this arm, {} in the baseline). With "
            "fewer than {} endings on either side the ratio rests on too few events to be "
            "stable; read the survival columns instead.",
            plain_value(field(arm, "events")), plain_value(field(baseline, "events")),
            analysis::caution_min_events);
    }
    if (caution == "wide_ci") {
        return fmt::format(
            "hazard ratio: the range is very wide (its upper end is more than {:g} times its "
            "lower end), so the simulations cannot tell how large the difference is.",
            analysis::caution_max_ci_ratio);
    }
    if (caution == "small_gain") {
        return fmt::format(
            "cost per survival-year gained: the years gained may be close to zero (range {} "
            "years; its lower end is below {:g} % of the estimate), so a year gained could cost "
            "more than {:g} times the amount shown.",
            estimate_text(field(arm, "rmst_gain_years"), Scale::years),
            100.0 * analysis::caution_min_gain_share, 1.0 / analysis::caution_min_gain_share);
    }
    return caution + ": read this row with caution.";
}

std::string caution_notes(const nlohmann::json& arms) {
    std::string items;
    if (arms.empty()) {
        return items;
    }
    for (const auto& arm : arms) {
        for (const auto& flag : array_field(arm, "caution")) {
            if (flag.is_string()) {
                items += fmt::format(
                    "<li><span class=\"caution\">{}</span> <strong>{}</strong>, {}</li>\n",
                    caution_mark, escape_html(arm_name(arm)),
                    escape_html(caution_explanation(arm, flag.get<std::string>(), arms.front())));
            }
        }
    }
    if (items.empty()) {
        return items;
    }
    return fmt::format(
        "<p class=\"note\"><span class=\"caution\">{}</span> marks a number to read with "
        "caution:</p>\n<ul id=\"caution-notes\" class=\"note\">\n{}</ul>\n",
        caution_mark, items);
}

}  // namespace

std::string summary_section(const nlohmann::json& analysis) {
    std::string items;
    for (const auto& sentence : array_field(analysis, "summary")) {
        if (sentence.is_string()) {
            items += fmt::format("<li>{}</li>\n", escape_html(sentence.get<std::string>()));
        }
    }
    if (items.empty()) {
        items = "<li>The analysis gave no summary sentences.</li>\n";
    }
    return fmt::format(
        "<section id=\"summary\" aria-labelledby=\"summary-heading\">\n"
        "<h2 id=\"summary-heading\">In short</h2>\n<ul class=\"summary\">\n{}</ul>\n</section>\n",
        items);
}

std::string whatif_section(const nlohmann::json& analysis) {
    const auto& arms = array_field(analysis, "arms");
    const auto milestones = survival_columns(arms);

    std::string head =
        "<tr><th scope=\"col\">Arm</th>"
        "<th scope=\"col\" class=\"number\">Median survival, years</th>";
    for (const auto& [years, key] : milestones) {
        head += fmt::format("<th scope=\"col\" class=\"number\">Still alive after {} years</th>",
                            years);
    }
    head +=
        "<th scope=\"col\" class=\"number\">Mean years alive (RMST)</th>"
        "<th scope=\"col\" class=\"number\">Hazard ratio vs baseline</th>"
        "<th scope=\"col\" class=\"number\">Became self-sustaining</th>"
        "<th scope=\"col\">Most common ways of ending</th>"
        "<th scope=\"col\" class=\"number\">Yearly cost, k\u20ac</th>"
        "<th scope=\"col\" class=\"number\">Cost per survival-year gained, k\u20ac</th></tr>";

    std::string rows;
    bool baseline = true;
    for (const auto& arm : arms) {
        std::string row =
            fmt::format("<tr><th scope=\"row\">{}<br><span class=\"note\">{} runs</span></th>",
                        escape_html(arm_name(arm)), escape_html(plain_value(field(arm, "runs"))));
        const auto& median = field(arm, "median_years");
        row += number_in(median, "estimate") ? estimate_cell(median, Scale::years)
                                             : number_cell("not reached");
        for (const auto& [years, key] : milestones) {
            row += estimate_cell(field(arm, key), Scale::percent);
        }
        row += estimate_cell(field(arm, "rmst_years"), Scale::years);
        const auto& hazard_ratio = field(arm, "hazard_ratio");
        row += hazard_ratio.is_object()
                   ? with_caution_mark(estimate_cell(hazard_ratio, Scale::ratio),
                                       flagged(arm, "few_events") || flagged(arm, "wide_ci"))
                   : number_cell(baseline ? "reference" : "\u2014");
        const auto& self_sustaining = field(arm, "share_self_sustaining");
        row +=
            self_sustaining.is_object()
                ? estimate_cell(self_sustaining, Scale::percent)
                : number_cell(scaled_text(number_in(arm, "share_self_sustaining"), Scale::percent));
        row += fmt::format("<td>{}</td>", top_causes(field(arm, "causes")));
        row += number_cell(keur_text(number_in(arm, "yearly_cost_keur")));
        row +=
            with_caution_mark(number_cell(keur_text(number_in(arm, "cost_per_year_gained_keur"))),
                              flagged(arm, "small_gain"));
        baseline = false;
        rows += row + "</tr>\n";
    }

    return fmt::format(
        "<section id=\"what-if\" aria-labelledby=\"what-if-heading\">\n"
        "<h2 id=\"what-if-heading\">What if\u2026? The arms side by side</h2>\n"
        "<div class=\"table-scroll\"><table id=\"what-if-table\">\n"
        "<caption>One row per arm over a horizon of {} years. Ranges in brackets are 95 % "
        "confidence intervals.</caption>\n"
        "<thead>{}</thead>\n<tbody>\n{}</tbody>\n</table></div>\n"
        "<p class=\"note\">A <strong>hazard ratio</strong> below 1 means collaborations in that "
        "arm end less often, month by month, than in the baseline (0.5: half as often); an "
        "interval that contains 1 means the difference could be chance. <strong>Cost per "
        "survival-year gained</strong> is what the arm costs per collaboration over the horizon "
        "beyond the baseline, divided by the years of collaboration it adds on average (the "
        "RMST difference); a dash means the arm adds no time. \u201cNot reached\u201d: more "
        "than half were still alive at the horizon.</p>\n{}</section>\n",
        escape_html(scaled_text(number_in(analysis, "horizon_months"), Scale::years_from_months)),
        head, rows, caution_notes(arms));
}

}  // namespace regiosim::report

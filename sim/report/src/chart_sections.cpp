#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "estimate_text.hpp"
#include "html_text.hpp"
#include "json_fields.hpp"
#include "plain_labels.hpp"
#include "sections.hpp"

namespace regiosim::report {

namespace {

// Every chart is an empty container that the inlined script fills (report/web/src/report.js);
// the container carries the role and the description a screen reader or a failed script shows.
std::string chart_container(const std::string& attributes, const std::string& description) {
    return fmt::format("<div class=\"chart\" {} role=\"img\" aria-label=\"{}\"></div>", attributes,
                       escape_html(description));
}

std::vector<std::string> arm_names(const nlohmann::json& analysis) {
    std::vector<std::string> names;
    for (const auto& arm : array_field(analysis, "arms")) {
        names.push_back(arm_name(arm));
    }
    return names;
}

void add_once(std::vector<std::string>& list, const std::string& value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) {
        list.push_back(value);
    }
}

std::string medians_in_words(const nlohmann::json& analysis) {
    std::string text;
    for (const auto& arm : array_field(analysis, "arms")) {
        const auto median = number_in(field(arm, "median_years"), "estimate");
        text += fmt::format("{}{}: {}", text.empty() ? "" : "; ", arm_name(arm),
                            median ? scaled_text(median, Scale::years) + " years" : "not reached");
    }
    return text;
}

std::string at_risk_table(const nlohmann::json& analysis) {
    const auto& table = field(analysis, "at_risk_table");
    const auto& years = array_field(table, "years");
    const auto& counts = field(table, "arms");
    if (years.empty() || !counts.is_object()) {
        return "";
    }
    // A JSON object has no order: list the arms as the analysis does, then any others.
    auto order = arm_names(analysis);
    for (const auto& [name, row] : counts.items()) {
        add_once(order, name);
    }
    std::string head = "<tr><th scope=\"col\">Arm \\ year</th>";
    for (const auto& year : years) {
        head += fmt::format("<th scope=\"col\" class=\"number\">{}</th>",
                            escape_html(plain_value(year)));
    }
    std::string rows;
    for (const auto& name : order) {
        const auto& row = field(counts, name);
        if (!row.is_array()) {
            continue;
        }
        rows += fmt::format("<tr><th scope=\"row\">{}</th>", escape_html(name));
        for (std::size_t i = 0; i < years.size(); ++i) {
            rows += fmt::format("<td class=\"number\">{}</td>",
                                escape_html(i < row.size() ? plain_value(row[i]) : "\u2014"));
        }
        rows += "</tr>\n";
    }
    return fmt::format(
        "<div class=\"table-scroll\"><table id=\"at-risk-table\">\n"
        "<caption>Numbers at risk: simulated collaborations still running (and still observed) "
        "at the start of each year</caption>\n<thead>{}</tr></thead>\n<tbody>\n{}</tbody>\n"
        "</table></div>\n",
        head, rows);
}

}  // namespace

std::string survival_section(const nlohmann::json& analysis) {
    std::string body;
    if (array_field(analysis, "kaplan_meier").empty()) {
        body = "<p>This analysis holds no survival curves.</p>\n";
    } else {
        body = fmt::format(
            "<figure>{}\n<figcaption>Share of simulated collaborations still alive, year by year "
            "(Kaplan\u2013Meier estimate), one line per arm; the shaded band around each line is "
            "its 95 % confidence interval. Where the bands do not overlap, the difference is "
            "unlikely to be chance.</figcaption></figure>\n{}",
            chart_container("id=\"chart-kaplan-meier\" data-chart=\"kaplan-meier\"",
                            "Survival curves per arm with 95 % confidence bands. Median "
                            "survival: " +
                                medians_in_words(analysis) + "."),
            at_risk_table(analysis));
    }
    return fmt::format(
        "<section id=\"survival\" aria-labelledby=\"survival-heading\">\n"
        "<h2 id=\"survival-heading\">How long collaborations last</h2>\n{}</section>\n",
        body);
}

std::string causes_section(const nlohmann::json& analysis) {
    std::vector<std::string> causes;
    for (const auto& curve : array_field(analysis, "cumulative_incidence")) {
        const auto cause = text_field(curve, "cause");
        if (!cause.empty() && cause != "censored") {
            add_once(causes, cause);
        }
    }
    std::string figures;
    for (const auto& cause : causes) {
        const auto label = cause_label(cause);
        figures += fmt::format(
            "<figure>{}<figcaption>Ended through {}</figcaption></figure>\n",
            chart_container(
                fmt::format("data-chart=\"incidence\" data-cause=\"{}\"", escape_html(cause)),
                "Cumulative share of collaborations that ended through " + label +
                    ", one line per arm, over the years."),
            escape_html(label));
    }
    if (figures.empty()) {
        figures = "<p>This analysis holds no cumulative incidence curves.</p>\n";
    } else {
        figures = "<div class=\"chart-grid\">\n" + figures + "</div>\n";
    }
    return fmt::format(
        "<section id=\"causes\" aria-labelledby=\"causes-heading\">\n"
        "<h2 id=\"causes-heading\">How collaborations end</h2>\n"
        "<p>For each way of ending, the share of collaborations that had ended that way by each "
        "year (cumulative incidence, which accounts for the other ways of ending). Together with "
        "the share still alive they add up to 100 %.</p>\n{}</section>\n",
        figures);
}

std::string trajectories_section(const nlohmann::json& analysis) {
    std::vector<std::string> variables = {"mean_trust", "mean_commitment", "active_partners"};
    std::vector<std::string> present;
    for (const auto& fan : array_field(analysis, "fan_charts")) {
        add_once(present, text_field(fan, "variable"));
    }
    for (const auto& v : present) {
        add_once(variables, v);
    }

    std::string body;
    for (const auto& variable : variables) {
        std::string figures;
        for (const auto& fan : array_field(analysis, "fan_charts")) {
            if (text_field(fan, "variable") != variable) {
                continue;
            }
            const auto arm = text_field(fan, "arm", "?");
            figures += fmt::format(
                "<figure>{}<figcaption>{}</figcaption></figure>\n",
                chart_container(fmt::format("data-chart=\"fan\" data-variable=\"{}\" "
                                            "data-arm=\"{}\"",
                                            escape_html(variable), escape_html(arm)),
                                "Fan chart of " + variable_label(variable) + " in arm " + arm +
                                    ": median line, 25\u201375 % and 10\u201390 % bands."),
                escape_html(arm));
        }
        if (!figures.empty()) {
            body += fmt::format("<h3>{}</h3>\n<div class=\"chart-grid\">\n{}</div>\n",
                                escape_html(variable_label(variable)), figures);
        }
    }
    if (body.empty()) {
        body = "<p>This analysis holds no fan charts.</p>\n";
    }
    return fmt::format(
        "<section id=\"trajectories\" aria-labelledby=\"trajectories-heading\">\n"
        "<h2 id=\"trajectories-heading\">Trust, commitment and partners over time</h2>\n"
        "<p>Each year, over the simulated collaborations still running that year: the line is "
        "the median, the dark band holds the middle half of them (25\u201375 %), the light band "
        "80 % (10\u201390 %). A wide fan means the outcome depends a lot on chance and on who "
        "takes part. Late years rest on the few collaborations still alive: the ones that ended "
        "no longer pull the fan down.</p>\n{}</section>\n",
        body);
}

}  // namespace regiosim::report

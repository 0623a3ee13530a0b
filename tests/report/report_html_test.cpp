#include "regiosim/report/report_html.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "regiosim/errors/errors.hpp"

namespace {

nlohmann::json fixture() {
    std::ifstream in(REGIOSIM_SOURCE_DIR "/tests/report/data/analysis.json");
    REQUIRE(in);
    return nlohmann::json::parse(in);
}

std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
        ++n;
    }
    return n;
}

// The text between the first `open` after `from` and the next `close`.
std::string between(const std::string& text, const std::string& open, const std::string& close) {
    const auto start = text.find(open);
    REQUIRE(start != std::string::npos);
    const auto end = text.find(close, start + open.size());
    REQUIRE(end != std::string::npos);
    return text.substr(start + open.size(), end - start - open.size());
}

}  // namespace

TEST_CASE("the summary sentences come first, escaped", "[report]") {
    const auto html = regiosim::report::render_report_html(fixture());
    CHECK(html.find("<li>With an execution team, 72 % (68–76 %) of simulated collaborations are "
                    "still alive after 10 years, against 31 % without.</li>") != std::string::npos);
    CHECK(html.find("Hostile &lt;b&gt;markup&lt;/b&gt; &amp; ampersands stay text.") !=
          std::string::npos);
    CHECK(html.find("id=\"summary\"") < html.find("id=\"what-if\""));
    CHECK(html.find("id=\"what-if\"") < html.find("id=\"survival\""));
}

TEST_CASE("the what-if table has one row per arm with estimates and intervals", "[report]") {
    const auto html = regiosim::report::render_report_html(fixture());
    const auto table = between(html, "<table id=\"what-if-table\">", "</table>");
    const auto body = between(table, "<tbody>", "</tbody>");
    CHECK(count_of(body, "<tr>") == 3);
    CHECK(count_of(body, "<th scope=\"row\">") == 3);
    CHECK(body.find("baseline") < body.find("execution_team"));
    // Baseline: exp(-0.0095 * 60) = 0.566 alive after 5 years, ± 0.04 in the fixture.
    CHECK(body.find("57 % <span class=\"ci\">(53–61 %)</span>") != std::string::npos);
    // Median 73 months = 6.1 years; the team arm's median lies beyond the horizon.
    CHECK(body.find("6.1 <span class=\"ci\">(5.5–6.7)</span>") != std::string::npos);
    CHECK(body.find("not reached") != std::string::npos);
    CHECK(body.find("reference") != std::string::npos);  // the baseline's hazard ratio
    CHECK(body.find("0.23 <span class=\"ci\">(0.19–0.29)</span>") != std::string::npos);
    CHECK(body.find("<span class=\"share\">41 %</span> drift (talk without action)") !=
          std::string::npos);
    CHECK(body.find("1\u2009285") != std::string::npos);  // yearly cost 1 285 k€, digits grouped
    CHECK(count_of(table, "<th scope=\"col\"") == 11);
}

TEST_CASE("hostile strings from the analysis come out as text", "[report]") {
    const auto html = regiosim::report::render_report_html(fixture());
    // Only the report's own two script elements: data and chart bundle.
    CHECK(count_of(html, "<script") == 2);
    CHECK(count_of(html, "</script>") == 2);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; co") !=
          std::string::npos);
    CHECK(html.find("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    CHECK(html.find("data-arm=\"&lt;script&gt;") != std::string::npos);
}

TEST_CASE("every chart has its container, with a label for screen readers", "[report]") {
    const auto html = regiosim::report::render_report_html(fixture());
    CHECK(count_of(html, "data-chart=\"kaplan-meier\"") == 1);
    CHECK(count_of(html, "data-chart=\"incidence\"") == 3);  // drift, exodus, funding cliff
    CHECK(count_of(html, "data-chart=\"fan\"") == 9);        // 3 variables × 3 arms
    CHECK(count_of(html, "data-variable=\"mean_trust\"") == 3);
    CHECK(count_of(html, "data-variable=\"active_partners\"") == 3);
    CHECK(count_of(html, "class=\"chart\"") == 13);
    CHECK(count_of(html, "role=\"img\" aria-label=\"") == 13);
    const auto at_risk = between(html, "<table id=\"at-risk-table\">", "</table>");
    CHECK(count_of(at_risk, "<th scope=\"row\">") == 3);
    CHECK(at_risk.find("<td class=\"number\">400</td>") != std::string::npos);
}

TEST_CASE("the analysis is embedded as parseable JSON and nothing is fetched", "[report]") {
    const auto analysis = fixture();
    const auto html = regiosim::report::render_report_html(analysis);
    const auto data =
        between(html, "<script type=\"application/json\" id=\"report-data\">", "</script>");
    CHECK(data.find("</") == std::string::npos);
    CHECK(nlohmann::json::parse(data) == analysis);
    const auto bundle = between(html, "</script>\n<script>\n", "\n</script>");
    CHECK(bundle.size() > 20000);  // uPlot itself is about 50 kB minified
    CHECK(html.find("src=\"http") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
}

TEST_CASE("assumptions mark changed parameters and link the ODD; provenance is in the footer",
          "[report]") {
    const auto html = regiosim::report::render_report_html(fixture());
    const auto parameters = between(html, "<table id=\"parameters-table\">", "</table>");
    CHECK(count_of(parameters, "<tr class=\"changed\">") == 2);
    CHECK(parameters.find("<code>ending.grace_months</code> <span class=\"note\">(changed)") !=
          std::string::npos);
    CHECK(html.find("href=\"../docs/ODD.md#10-parameters\"") != std::string::npos);
    const auto footer = between(html, "<footer id=\"provenance\"", "</footer>");
    CHECK(footer.find("abc1234 (with uncommitted changes)") != std::string::npos);
    CHECK(footer.find("20250101") != std::string::npos);
    CHECK(footer.find("regiosim sweep scenarios/experiments/fixture.toml") != std::string::npos);
}

TEST_CASE("a document that is not a version-1 analysis is refused", "[report]") {
    using regiosim::DataError;
    using regiosim::report::render_report_html;
    auto analysis = fixture();
    analysis["schema_version"] = 2;
    CHECK_THROWS_AS(render_report_html(analysis), DataError);
    analysis = fixture();
    analysis["schema"] = "something-else";
    CHECK_THROWS_AS(render_report_html(analysis), DataError);
    analysis = fixture();
    analysis["arms"] = nlohmann::json::array();
    CHECK_THROWS_WITH(render_report_html(analysis), Catch::Contains("arms"));
    CHECK_THROWS_AS(render_report_html(nlohmann::json::array()), DataError);
}

TEST_CASE("missing estimates are shown as not known instead of failing", "[report]") {
    auto analysis = fixture();
    analysis["arms"][0]["survival_15y"] = nullptr;
    analysis["arms"][0]["rmst_years"] = {{"estimate", nullptr}};
    analysis["arms"][1]["hazard_ratio"] = nullptr;
    analysis.erase("fan_charts");
    analysis.erase("provenance");
    const auto html = regiosim::report::render_report_html(analysis);
    CHECK(count_of(html, "data-chart=\"fan\"") == 0);
    CHECK(html.find("This analysis holds no fan charts.") != std::string::npos);
    const auto table = between(html, "<table id=\"what-if-table\">", "</table>");
    CHECK(count_of(table, "<td class=\"number\">\u2014</td>") == 4);  // 15 y, RMST, HR, cost
    CHECK(count_of(table, ">reference<") == 1);  // only the baseline is the reference
}

TEST_CASE("estimates to read with caution are marked in the table and explained under it",
          "[report]") {
    const auto plain = regiosim::report::render_report_html(fixture());
    CHECK(plain.find("class=\"caution\"") == std::string::npos);
    CHECK(plain.find("caution-notes") == std::string::npos);

    auto analysis = fixture();
    analysis["arms"][0]["events"] = 180;
    analysis["arms"][0]["caution"] = nlohmann::json::array();
    analysis["arms"][1]["events"] = 6;
    analysis["arms"][1]["caution"] = {"few_events", "small_gain"};
    analysis["arms"][2]["caution"] = {"wide_ci", "some_future_flag"};
    const auto html = regiosim::report::render_report_html(analysis);
    const auto body =
        between(between(html, "<table id=\"what-if-table\">", "</table>"), "<tbody>", "</tbody>");
    // Marks: arm 1 on its hazard ratio and its cost per year, arm 2 on its hazard ratio; an
    // unknown flag is explained but marks no cell.
    CHECK(count_of(body, "<span class=\"caution\"") == 3);
    const auto team = between(body, "execution_team", "</tr>");
    CHECK(count_of(team, "<span class=\"caution\"") == 2);
    CHECK(team.find("(0.19–0.29)</span> <span class=\"caution\"") != std::string::npos);
    const auto notes = between(html, "<ul id=\"caution-notes\" class=\"note\">", "</ul>");
    CHECK(count_of(notes, "<li>") == 4);
    CHECK(notes.find("(6 in this arm, 180 in the baseline)") != std::string::npos);
    CHECK(notes.find("fewer than 10 endings") != std::string::npos);
    CHECK(notes.find("range 1.5 (1.1–1.9) years") != std::string::npos);
    CHECK(notes.find("more than 10 times its lower end") != std::string::npos);
    CHECK(notes.find("some_future_flag: read this row with caution") != std::string::npos);
    CHECK(notes.find("&lt;script&gt;") != std::string::npos);  // arm names stay escaped
}

TEST_CASE("partial rank correlations are a ranked table with signed intervals", "[report]") {
    auto analysis = fixture();
    analysis["design"] = "latin_hypercube";
    const auto row = [](const char* factor, nlohmann::json prcc, nlohmann::json lower,
                        nlohmann::json upper, nlohmann::json p) {
        return nlohmann::json{{"arm", "baseline"},   {"factor", factor},     {"prcc", prcc},
                              {"prcc_lower", lower}, {"prcc_upper", upper},  {"prcc_p_value", p},
                              {"alive_prcc", prcc},  {"alive_lower", lower}, {"alive_upper", upper},
                              {"alive_p_value", p}};
    };
    analysis["sensitivity"] = {
        {"method", "prcc"},
        {"output", "mean months survived per design point"},
        {"alive_output", "share alive"},
        {"points", 40},
        {"conf_level", 0.95},
        {"rows",
         {row("crowding", 0.05, -0.27, 0.36, 0.77), row("turnover", -0.8, -0.89, -0.65, 1e-9),
          row("erosion", nullptr, nullptr, nullptr, nullptr)}},
        {"notes", {"baseline, share alive at the horizon: <nothing> varies"}}};
    const auto html = regiosim::report::render_report_html(analysis);
    const auto table = between(html, "<table id=\"sensitivity-table\">", "</table>");
    const auto body = between(table, "<tbody>", "</tbody>");
    CHECK(count_of(body, "<tr>") == 3);
    // Strongest first, undefined last.
    CHECK(body.find("turnover") < body.find("crowding"));
    CHECK(body.find("crowding") < body.find("erosion"));
    CHECK(body.find("\u22120.80 <span class=\"ci\">(\u22120.89 to \u22120.65)</span>") !=
          std::string::npos);
    CHECK(body.find("+0.05 <span class=\"ci\">(\u22120.27 to +0.36)</span>") != std::string::npos);
    CHECK(count_of(body, ">&lt; 0.001<") == 2);
    CHECK(count_of(body, "<td class=\"number\">\u2014</td>") == 4);
    CHECK(html.find("over the 40 simulated parameter combinations") != std::string::npos);
    CHECK(html.find("&lt;nothing&gt; varies") != std::string::npos);
    CHECK(html.find("main-effects-table") == std::string::npos);

    analysis["design"] = "full_factorial";
    analysis["sensitivity"]["main_effects"] = {{{"arm", "baseline"},
                                                {"factor", "turnover"},
                                                {"value", 0.05},
                                                {"points", 2},
                                                {"mean_months", 150.0},
                                                {"share_alive", 0.6}},
                                               {{"arm", "baseline"},
                                                {"factor", "turnover"},
                                                {"value", 0.4 / 3.0},
                                                {"points", 2},
                                                {"mean_months", 90.0},
                                                {"share_alive", 0.2}}};
    const auto factorial = regiosim::report::render_report_html(analysis);
    const auto effects = between(factorial, "<table id=\"main-effects-table\">", "</table>");
    CHECK(count_of(effects, "<tr><td>") == 2);
    CHECK(effects.find("<td class=\"number\">12.5</td><td class=\"number\">60 %</td>") !=
          std::string::npos);
    CHECK(effects.find("<td class=\"number\">0.1333</td>") != std::string::npos);
}

#include "regiosim/report/report_html.hpp"

#include <fmt/format.h>

#include "estimate_text.hpp"
#include "html_text.hpp"
#include "json_fields.hpp"
#include "regiosim/errors/errors.hpp"
#include "report_assets.hpp"
#include "sections.hpp"

namespace regiosim::report {

namespace {

constexpr int supported_schema_version = 1;

void check_schema(const nlohmann::json& analysis) {
    const std::string file = text_field(analysis, "file", "analysis");
    const auto problem = [&](const char* key, std::string what, const char* valid) {
        throw DataError({Diagnostic{SourceLocation{file}, key, std::move(what), valid}});
    };
    if (!analysis.is_object() || text_field(analysis, "schema") != "regiosim-analysis") {
        problem("schema", "not a regiosim analysis document",
                "the output of `regiosim analyze --json` (schema \"regiosim-analysis\")");
    }
    const auto& version = field(analysis, "schema_version");
    if (!version.is_number_integer() || version.get<int>() > supported_schema_version) {
        problem("schema_version", fmt::format("version {} is not supported", plain_value(version)),
                "version 1; a newer analysis needs a newer regiosim to report on it");
    }
    if (array_field(analysis, "arms").empty()) {
        problem("arms", "no arms to report on", "at least one arm, the first being the baseline");
    }
}

std::string page_intro(const nlohmann::json& analysis) {
    const auto& arms = array_field(analysis, "arms");
    long long runs = 0;
    for (const auto& arm : arms) {
        const auto& n = field(arm, "runs");
        runs += n.is_number_integer() ? n.get<long long>() : 0;
    }
    return fmt::format(
        "<header>\n<h1>What the interventions do: {}</h1>\n"
        "<p class=\"lede\">A report of regiosim, an agent-based simulation of regional "
        "collaboration. {} arms (ways of supporting the collaboration), {} simulated "
        "collaborations in all, each followed for up to {} years.</p>\n</header>\n",
        escape_html(text_field(analysis, "experiment", "unnamed experiment")), arms.size(), runs,
        escape_html(scaled_text(number_in(analysis, "horizon_months"), Scale::years_from_months)));
}

}  // namespace

std::string render_report_html(const nlohmann::json& analysis) {
    check_schema(analysis);
    std::string page;
    page.reserve(chart_script().size() + 256 * 1024);
    page += fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "{}\n"
        "<title>regiosim report \u2014 {}</title>\n<style>\n{}\n</style>\n</head>\n<body>\n",
        generator_meta, escape_html(text_field(analysis, "experiment", "unnamed experiment")),
        chart_stylesheet());
    page += page_intro(analysis);
    page += "<main>\n";
    page += summary_section(analysis);
    page += whatif_section(analysis);
    page += survival_section(analysis);
    page += causes_section(analysis);
    page += trajectories_section(analysis);
    page += assumptions_section(analysis);
    page += sensitivity_section(analysis);
    page += "</main>\n";
    page += provenance_footer(analysis);
    page +=
        "<noscript><p>The charts need JavaScript; the tables above hold the same "
        "numbers.</p></noscript>\n";
    page += "<script type=\"application/json\" id=\"report-data\">";
    page += json_for_script_element(analysis);
    page += "</script>\n<script>\n";
    page += chart_script();
    page += "\n</script>\n</body>\n</html>\n";
    return page;
}

}  // namespace regiosim::report

#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace regiosim::report {

/// The mark every report carries in its <head>: `regiosim report -o` recognises a file it wrote
/// before by it, and replaces nothing else without --force.
inline constexpr std::string_view generator_meta =
    R"(<meta name="generator" content="regiosim report">)";

/// How far into a file the mark is looked for: it sits in the first lines of the <head>.
inline constexpr std::size_t generator_meta_within_bytes = 1024;

/// The policymaker report of one analysis, as a single self-contained HTML page: the CSS, the
/// chart library (uPlot, bundled at build time) and the analysis itself (as an inline JSON
/// script) are all inside, so the file opens offline, can be mailed, and prints on A4.
///
/// `analysis` is the document of `analyse_results` (regiosim/analyze/results_analysis.hpp,
/// schema "regiosim-analysis" version 1). In reading order the page holds: the plain-language
/// summary; the what-if table (one row per arm); Kaplan–Meier curves with 95 % bands and the
/// numbers at risk; cumulative incidence by end cause; fan charts of trust, commitment and
/// active partners; the assumptions (every parameter, changed ones marked, linked to the ODD);
/// the sensitivity ranking when there is one; and a provenance footer. Every string taken from
/// `analysis` is HTML-escaped, and the embedded JSON cannot close its script element.
///
/// Pure: no files are read or written. Throws DataError when `analysis` is not such a document
/// (another schema, a newer schema version, or no arms).
[[nodiscard]] std::string render_report_html(const nlohmann::json& analysis);

}  // namespace regiosim::report

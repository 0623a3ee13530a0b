#pragma once

#include <string_view>

namespace regiosim::report {

// Defined in the source that report/web/build.mjs generates at build time.

/// The minified chart bundle (uPlot and report/web/src/report.js); contains no "</script".
[[nodiscard]] std::string_view chart_script() noexcept;
/// uPlot's stylesheet and the report's own; contains no "</style".
[[nodiscard]] std::string_view chart_stylesheet() noexcept;

}  // namespace regiosim::report

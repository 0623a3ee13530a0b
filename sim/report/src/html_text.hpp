#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace regiosim::report {

/// `text` safe as HTML element content and as a quoted attribute value: & < > " ' escaped.
[[nodiscard]] std::string escape_html(std::string_view text);

/// `data` as JSON to place inside <script type="application/json">: every '<' is written as
/// \u003c (legal only inside JSON strings, where it means the same), so neither "</script" nor
/// "<!--" can appear; invalid UTF-8 is replaced rather than thrown on.
[[nodiscard]] std::string json_for_script_element(const nlohmann::json& data);

/// A JSON scalar as a reader sees it: strings as they are, numbers in their shortest form,
/// null as an em dash. Not escaped.
[[nodiscard]] std::string plain_value(const nlohmann::json& value);

}  // namespace regiosim::report

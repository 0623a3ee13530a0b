#include "toml_text.hpp"

#include <fmt/format.h>

#include "diagnostic_sink.hpp"

namespace regiosim::detail {

std::string toml_string(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20U || c == 0x7F) {
                    out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
                } else {
                    out += c;
                }
        }
    }
    out += '"';
    return out;
}

std::string toml_line(std::string_view key, std::string_view value) {
    return fmt::format("{} = {}\n", key, value);
}

std::string toml_bool(bool value) {
    return value ? "true" : "false";
}

std::string toml_float(double value) {
    return format_number(value);
}

std::string toml_int(std::int64_t value) {
    return fmt::format("{}", value);
}

std::string toml_string_array(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i == 0 ? "" : ", ") + toml_string(items[i]);
    }
    return out + "]";
}

std::string toml_int_array(const std::vector<int>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i == 0 ? "" : ", ") + fmt::format("{}", items[i]);
    }
    return out + "]";
}

std::string toml_banner(std::string_view title) {
    return fmt::format("\n# ---- {} {}\n", title,
                       std::string(title.size() < 88 ? 88 - title.size() : 4, '-'));
}

}  // namespace regiosim::detail

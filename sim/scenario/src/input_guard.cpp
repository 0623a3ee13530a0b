#include "input_guard.hpp"

#include <fmt/format.h>

namespace regiosim::detail {

namespace {

enum class State : unsigned char { normal, comment, basic, literal, ml_basic, ml_literal };

unsigned char byte_at(std::string_view text, std::size_t i) noexcept {
    return static_cast<unsigned char>(text[i]);
}

bool is_continuation_byte(unsigned char b) noexcept {
    return (b & 0xC0U) == 0x80U;
}

std::size_t quote_run(std::string_view text, std::size_t i, char quote) noexcept {
    std::size_t n = 0;
    while (i + n < text.size() && text[i + n] == quote) {
        ++n;
    }
    return n;
}

// A backslash at i that ends its line (only spaces and tabs follow before the line break).
bool is_line_ending_backslash(std::string_view text, std::size_t i) noexcept {
    std::size_t j = i + 1;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) {
        ++j;
    }
    return j < text.size() &&
           (text[j] == '\n' || (text[j] == '\r' && j + 1 < text.size() && text[j + 1] == '\n'));
}

// The UTF-8 character at i (length and code point), or nullopt when it is not valid UTF-8.
std::optional<std::pair<std::size_t, char32_t>> decode(std::string_view text, std::size_t i) {
    const unsigned char lead = byte_at(text, i);
    std::size_t length = 0;
    char32_t cp = 0;
    if (lead >= 0xF0U && lead <= 0xF4U) {
        length = 4;
        cp = lead & 0x07U;
    } else if (lead >= 0xE0U) {
        length = 3;
        cp = lead & 0x0FU;
    } else if (lead >= 0xC2U) {
        length = 2;
        cp = lead & 0x1FU;
    } else {
        return std::nullopt;
    }
    if (lead >= 0xF5U || i + length > text.size()) {
        return std::nullopt;
    }
    for (std::size_t k = 1; k < length; ++k) {
        const unsigned char b = byte_at(text, i + k);
        if (!is_continuation_byte(b)) {
            return std::nullopt;
        }
        cp = (cp << 6U) | (b & 0x3FU);
    }
    const bool overlong = (length == 3 && cp < 0x800U) || (length == 4 && cp < 0x10000U);
    const bool surrogate = cp >= 0xD800U && cp <= 0xDFFFU;
    if (overlong || surrogate || cp > 0x10FFFFU) {
        return std::nullopt;
    }
    return std::pair{length, cp};
}

std::string show_character(std::string_view text, std::size_t i) {
    if (auto decoded = decode(text, i)) {
        return fmt::format("`{}` (U+{:04X})", text.substr(i, decoded->first),
                           static_cast<unsigned>(decoded->second));
    }
    return fmt::format("byte 0x{:02X}", static_cast<unsigned>(byte_at(text, i)));
}

}  // namespace

// Depth of a value = 1 + the tables above it. Dotted keys add one level per dot, `[a.b]`
// headers set the base depth for the lines under them, and every `[` or `{` of a value opens a
// level below the key it is assigned to.
GuardResult guard_toml_text(std::string_view text, int max_nesting) {
    GuardResult result;
    State state = State::normal;
    std::vector<int> open;  // depth of each open [ or { of a value
    int base = 0;           // depth of the table the last header opened
    int run = 0;            // dots in the dotted key being read
    int key_dots = 0;       // dots in the key of the current key = value
    int header_brackets = 0;
    bool in_header = false;
    bool line_start = true;
    bool after_continuation = false;  // in a multi-line basic string, after a line-ending `\`
    std::vector<char> containers;     // '[' or '{' for each open value array / inline table
    bool value_context = false;       // after `=` or inside an array: a value comes next
    char last = '\n';                 // the byte before this one outside strings and comments
    int line = 1;
    int column = 0;

    auto fail = [&](std::string problem, std::string valid) {
        result.problem = TextProblem{line, column, std::move(problem), std::move(valid)};
        return result;
    };
    auto too_deep = [&](int depth) {
        return fail(fmt::format("tables, arrays or dotted keys nested {} levels deep", depth),
                    fmt::format("at most {} levels are allowed; a scenario needs 5", max_nesting));
    };
    auto top = [&]() { return open.empty() ? base : open.back(); };

    std::size_t i = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        i = 3;  // a byte-order mark, which toml++ skips
    }
    for (; i < text.size(); ++i) {
        const char c = text[i];
        const unsigned char b = byte_at(text, i);
        if (!is_continuation_byte(b)) {
            ++column;
        }
        if (c == '\n') {
            ++line;
            column = 0;
        }
        switch (state) {
            case State::comment:
                if (c == '\n') {
                    state = State::normal;
                    line_start = true;
                    run = 0;
                    key_dots = 0;
                    last = '\n';
                    value_context = !containers.empty() && containers.back() == '[';
                }
                continue;
            case State::basic:
                if (c == '\\' && i + 1 < text.size() && text[i + 1] != '\n') {
                    ++i;  // an escaped character; a non-ASCII one is toml++'s error to report
                    ++column;
                } else if (c == '"' || c == '\n') {
                    state = State::normal;
                    last = c;
                }
                continue;
            case State::literal:
                if (c == '\'' || c == '\n') {
                    state = State::normal;
                    last = c;
                }
                continue;
            case State::ml_basic:
                if (after_continuation) {
                    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                        continue;
                    }
                    after_continuation = false;
                    if (b >= 0x80U) {
                        result.escape_at.push_back(i);
                        continue;
                    }
                }
                if (c == '\\') {
                    if (is_line_ending_backslash(text, i)) {
                        after_continuation = true;
                    } else if (i + 1 < text.size()) {
                        if (byte_at(text, i + 1) >= 0x80U) {
                            ++column;
                            return fail(fmt::format("invalid escape sequence: a backslash "
                                                    "before {}",
                                                    show_character(text, i + 1)),
                                        "valid escapes: \\\" \\\\ \\b \\f \\n \\r \\t \\uXXXX "
                                        "\\UXXXXXXXX");
                        }
                        ++i;
                        ++column;
                    }
                } else if (c == '"') {
                    const std::size_t n = quote_run(text, i, '"');
                    if (n >= 3) {
                        state = State::normal;
                        last = '"';
                    }
                    i += n - 1;
                    column += static_cast<int>(n) - 1;
                }
                continue;
            case State::ml_literal:
                if (c == '\'') {
                    const std::size_t n = quote_run(text, i, '\'');
                    if (n >= 3) {
                        state = State::normal;
                        last = '\'';
                    }
                    i += n - 1;
                    column += static_cast<int>(n) - 1;
                }
                continue;
            case State::normal:
                break;
        }

        if (b >= 0x80U) {
            return fail(fmt::format("{} outside a string", show_character(text, i)),
                        "bare keys use A-Z a-z 0-9 _ -; write other text in double quotes");
        }
        switch (c) {
            case '#':
                state = State::comment;
                break;
            case '"':
            case '\'': {
                // toml++ reads a malformed number, date or boolean up to the next space, comma,
                // bracket or `#` — through any quote glued to it — so a string may only start
                // where TOML allows one. Elsewhere the quote is an error in any case.
                const std::string_view allowed = value_context ? " \t\r\n=[," : " \t\r\n.[{,";
                if (allowed.find(last) == std::string_view::npos) {
                    const auto shown = static_cast<unsigned char>(last);
                    return fail(shown < 0x20U || shown == 0x7FU
                                    ? fmt::format("a quote directly after byte 0x{:02X}", shown)
                                    : fmt::format("a quote directly after `{}`", last),
                                value_context
                                    ? "valid: a string starts a value, e.g. key = \"text\""
                                    : "valid: a quoted key stands alone or after `.`, "
                                      "e.g. \"key\" = 1");
                }
                const bool multi_line = quote_run(text, i, c) >= 3;
                if (c == '"') {
                    state = multi_line ? State::ml_basic : State::basic;
                } else {
                    state = multi_line ? State::ml_literal : State::literal;
                }
                if (multi_line) {
                    i += 2;
                    column += 2;
                }
                break;
            }
            case '\n':
                line_start = true;
                run = 0;
                key_dots = 0;
                last = c;
                value_context = !containers.empty() && containers.back() == '[';
                continue;
            case ' ':
            case '\t':
            case '\r':
                last = c;
                continue;
            case '.':
                ++run;
                if (top() + run + 1 > max_nesting) {
                    return too_deep(top() + run + 1);
                }
                break;
            case '=':
                key_dots = run;
                run = 0;
                value_context = true;
                break;
            case '[':
                if (line_start && open.empty()) {
                    in_header = true;
                    header_brackets = 1;
                    if (i + 1 < text.size() && text[i + 1] == '[') {
                        header_brackets = 2;
                        ++i;
                        ++column;
                    }
                    run = 0;
                    base = 0;
                    value_context = false;
                    break;
                }
                [[fallthrough]];
            case '{': {
                const int depth = top() + key_dots + 1;
                if (depth > max_nesting) {
                    return too_deep(depth);
                }
                open.push_back(depth);
                containers.push_back(c);
                value_context = c == '[';
                key_dots = 0;
                run = 0;
                break;
            }
            case ']':
                if (in_header && open.empty()) {
                    base = run + header_brackets;
                    if (base > max_nesting) {
                        return too_deep(base);
                    }
                    in_header = false;
                    if (header_brackets == 2 && i + 1 < text.size() && text[i + 1] == ']') {
                        ++i;
                        ++column;
                    }
                    run = 0;
                    break;
                }
                [[fallthrough]];
            case '}':
                if (!open.empty()) {
                    open.pop_back();
                    containers.pop_back();
                }
                run = 0;
                key_dots = 0;
                value_context = true;
                break;
            case ',':
                run = 0;
                key_dots = 0;
                value_context = !containers.empty() && containers.back() == '[';
                break;
            default:
                break;
        }
        line_start = false;
        last = c;
    }
    return result;
}

std::string escape_characters(std::string_view text, const std::vector<std::size_t>& offsets) {
    std::string out;
    out.reserve(text.size() + offsets.size() * 8);
    std::size_t from = 0;
    for (const std::size_t at : offsets) {
        const auto decoded = decode(text, at);
        if (!decoded || at < from) {
            continue;
        }
        out.append(text.substr(from, at - from));
        const auto cp = static_cast<unsigned>(decoded->second);
        out += cp <= 0xFFFFU ? fmt::format("\\u{:04X}", cp) : fmt::format("\\U{:08X}", cp);
        from = at + decoded->first;
    }
    out.append(text.substr(from));
    return out;
}

}  // namespace regiosim::detail

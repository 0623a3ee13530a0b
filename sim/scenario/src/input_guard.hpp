#pragma once

// Checks raw text before toml++ (3.3) sees it, for two things its parser cannot be trusted
// with on hostile input:
//  - nesting: its parser and destructors recurse once per level, and a 200 kB `a.a.a.…` key
//    overflows the stack;
//  - non-ASCII characters where it tests for whitespace: is_non_ascii_horizontal_whitespace()
//    reaches TOML_UNREACHABLE (undefined behaviour in an optimised build) for most code points
//    (marzer/tomlplusplus#190, #295). Outside strings and comments such a character is a TOML
//    error anyway and is reported here; inside a multi-line basic string, as the first character
//    after a line-ending backslash, it is valid TOML and is rewritten as the equivalent \u escape.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace regiosim::detail {

struct TextProblem {
    int line = 0;
    int column = 0;
    std::string problem;
    std::string valid;
};

struct GuardResult {
    std::optional<TextProblem> problem;  ///< the first problem found, if any
    std::vector<std::size_t> escape_at;  ///< byte offsets of characters to write as \u escapes
};

/// Scans TOML text without building anything. Strings and comments are followed so that only
/// structure counts; the scan only has to be right for text toml++ accepts, since toml++ stops
/// at its first error and builds nothing beyond it.
[[nodiscard]] GuardResult guard_toml_text(std::string_view text, int max_nesting);

/// `text` with the UTF-8 character at each offset replaced by its \uXXXX or \UXXXXXXXX escape.
/// Invalid UTF-8 is left alone (toml++ rejects it).
[[nodiscard]] std::string escape_characters(std::string_view text,
                                            const std::vector<std::size_t>& offsets);

}  // namespace regiosim::detail

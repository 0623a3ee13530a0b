#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace regiosim::server {

/// Characters of a client's value an error message repeats back at most.
inline constexpr std::size_t max_echo_chars = 80;

/// A client's value as an error message may repeat it: at most max_echo_chars characters (then
/// "…"), and only valid UTF-8 without control characters: every other byte is written as
/// `\xNN`. A 900 KB region name or a name of raw bytes comes back as one short, readable line.
[[nodiscard]] std::string echo(std::string_view text);

}  // namespace regiosim::server

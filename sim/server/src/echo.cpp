#include "regiosim/server/echo.hpp"

#include <fmt/format.h>

namespace regiosim::server {

namespace {

/// The length of the valid UTF-8 sequence at the start of `text` (1 to 4), or 0 if its first
/// byte does not start one: a stray continuation byte, an overlong form, a surrogate, a code
/// point past U+10FFFF or a sequence cut short.
std::size_t utf8_length(std::string_view text) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    unsigned char low = 0x80U;  // the range the second byte must lie in
    unsigned char high = 0xBFU;
    if (lead < 0x80U) {
        return 1;
    } else if (lead >= 0xC2U && lead <= 0xDFU) {
        length = 2;
    } else if (lead >= 0xE0U && lead <= 0xEFU) {
        length = 3;
        low = lead == 0xE0U ? 0xA0U : 0x80U;   // no overlong forms
        high = lead == 0xEDU ? 0x9FU : 0xBFU;  // no surrogates
    } else if (lead >= 0xF0U && lead <= 0xF4U) {
        length = 4;
        low = lead == 0xF0U ? 0x90U : 0x80U;
        high = lead == 0xF4U ? 0x8FU : 0xBFU;  // nothing past U+10FFFF
    } else {
        return 0;
    }
    if (text.size() < length || byte(1) < low || byte(1) > high) {
        return 0;
    }
    for (std::size_t i = 2; i < length; ++i) {
        if (byte(i) < 0x80U || byte(i) > 0xBFU) {
            return 0;
        }
    }
    return length;
}

/// C0 controls, DEL and the C1 controls (U+0080–U+009F, encoded C2 80–C2 9F).
bool is_control(std::string_view sequence) {
    const auto lead = static_cast<unsigned char>(sequence[0]);
    if (sequence.size() == 1) {
        return lead < 0x20U || lead == 0x7FU;
    }
    return sequence.size() == 2 && lead == 0xC2U && static_cast<unsigned char>(sequence[1]) < 0xA0U;
}

}  // namespace

std::string echo(std::string_view text) {
    std::string out;
    std::size_t chars = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        if (chars == max_echo_chars) {
            out += "…";
            break;
        }
        const std::size_t length = utf8_length(text.substr(at));
        const auto sequence = text.substr(at, length == 0 ? 1 : length);
        if (length == 0 || is_control(sequence)) {
            for (const char c : sequence) {
                out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
            }
        } else {
            out += sequence;
        }
        at += sequence.size();
        ++chars;
    }
    return out;
}

}  // namespace regiosim::server

#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "regiosim/core/enum_names.hpp"

namespace regiosim {

/// How a partner collaborates (seed 001, "Stijlen van partners in samenwerking").
enum class Style : unsigned char {
    defensief,     ///< observes and follows; free-rides when it can ("voordeel halen")
    utilitair,     ///< acts when sure gains are to be had; reciprocates ("geven en nemen")
    offensief,     ///< invests ahead for its own agenda ("kost gaat voor de baat uit")
    overstijgend,  ///< carries the joint agenda, even against own interest ("publieke baten")
};

inline constexpr std::array<std::string_view, 4> style_names = {"defensief", "utilitair",
                                                                "offensief", "overstijgend"};

[[nodiscard]] constexpr std::string_view to_string(Style s) noexcept {
    return style_names[static_cast<std::size_t>(s)];
}

[[nodiscard]] constexpr std::optional<Style> parse_style(std::string_view name) noexcept {
    return parse_enum<Style>(style_names, name);
}

}  // namespace regiosim

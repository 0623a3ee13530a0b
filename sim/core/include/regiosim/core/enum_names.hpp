#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace regiosim {

/// The enumerator whose name is `name` in `names` (indexed by the enumerator's value).
template <class Enum, std::size_t N>
[[nodiscard]] constexpr std::optional<Enum> parse_enum(const std::array<std::string_view, N>& names,
                                                       std::string_view name) noexcept {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == name) {
            return static_cast<Enum>(i);
        }
    }
    return std::nullopt;
}

}  // namespace regiosim

#pragma once

#include <array>
#include <cstddef>

#include "regiosim/core/style.hpp"

namespace regiosim {

/// Shares of each style in a partner group, in Style enum order.
using StyleShares = std::array<double, style_names.size()>;

/// How many of `count` generated partners get each style, by the largest-remainder method:
/// every style first gets floor(count × share); the seats left go one each to the styles with
/// the largest remainders, ties going to the style earlier in enum order. Styles with share 0
/// get none. Shares must be finite, non-negative and sum to 1 (within 1e-9; the loader checks);
/// `count` must be >= 0. Example: 120 × {defensief 0.7, utilitair 0.3} → 84/36;
/// 7 × {1/3, 1/3, 1/3} → 3/2/2.
[[nodiscard]] std::array<int, style_names.size()> apportion_styles(int count,
                                                                   const StyleShares& shares);

}  // namespace regiosim

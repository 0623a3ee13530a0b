#pragma once

#include <cstddef>
#include <cstdint>

namespace regiosim::model {

// The partners i < n for which `chosen(i)` holds, in increasing index, into `list` (room for n);
// returns how many. Every index is written and the count advanced by the predicate's value, so
// the loop has no branch: which partners a submodel picks out (exit candidates, departures) is
// as good as random to a branch predictor, and a branch per partner would be mispredicted.
// `chosen` should itself be free of && and ||, which compile to branches.
template <class Chosen>
[[nodiscard]] std::size_t list_partners(std::uint32_t* list, std::size_t n, Chosen chosen) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < n; ++i) {
        list[count] = static_cast<std::uint32_t>(i);
        count += static_cast<std::size_t>(chosen(i));
    }
    return count;
}

}  // namespace regiosim::model

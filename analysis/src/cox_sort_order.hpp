#pragma once

// Internal: a stable linear-time sort of indices by a double value (LSD radix sort on the bit
// patterns), shared by the Cox risk sets and the concordance index. Both sort every subject of
// a sweep (10^6 runs) by time, and the times of a sweep are whole months: their bit patterns
// differ in only two or three of the eight bytes, so the sort is two or three linear passes
// where a comparison sort costs some twenty indirect comparisons per subject.

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace regiosim::analysis {

/// An unsigned key ordered as `value` (which must not be NaN): the sign bit is set for positive
/// values and all bits are flipped for negative ones. -0.0 is read as +0.0, so two keys are
/// equal exactly when the values compare equal.
[[nodiscard]] inline std::uint64_t sort_key(double value) noexcept {
    constexpr std::uint64_t sign = std::uint64_t{1} << 63;
    const auto bits = std::bit_cast<std::uint64_t>(value == 0.0 ? 0.0 : value);
    return (bits & sign) != 0 ? ~bits : bits | sign;
}

/// Reorders `order` (indices into `values`) by ascending value; indices whose values compare
/// equal keep their relative order, so sorting by one value and then by another orders by the
/// second with ties broken by the first.
inline void stable_sort_by(std::span<const double> values, std::vector<std::size_t>& order) {
    struct Entry {
        std::uint64_t key;
        std::size_t index;
    };
    constexpr int bytes = 8;
    constexpr std::size_t buckets = 256;
    const std::size_t n = order.size();
    if (n == 0) {
        return;
    }
    std::vector<Entry> entries(n);
    std::vector<Entry> moved(n);
    std::array<std::array<std::size_t, buckets>, bytes> count{};
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t key = sort_key(values[order[i]]);
        entries[i] = Entry{key, order[i]};
        for (int b = 0; b < bytes; ++b) {
            ++count[static_cast<std::size_t>(b)][(key >> (8 * b)) & 0xffU];
        }
    }
    for (int b = 0; b < bytes; ++b) {
        auto& in_bucket = count[static_cast<std::size_t>(b)];
        // A byte shared by every key would leave the order as it is: skip the pass.
        if (in_bucket[(entries[0].key >> (8 * b)) & 0xffU] == n) {
            continue;
        }
        std::size_t start = 0;
        for (std::size_t& c : in_bucket) {
            start += std::exchange(c, start);
        }
        for (const Entry& e : entries) {
            moved[in_bucket[(e.key >> (8 * b)) & 0xffU]++] = e;
        }
        entries.swap(moved);
    }
    for (std::size_t i = 0; i < n; ++i) {
        order[i] = entries[i].index;
    }
}

}  // namespace regiosim::analysis

#pragma once

// Sums over partners in the order the model defines (docs/ODD.md §7, "Numerics"): partner i's
// term goes to partial sum i mod 8, each partial adds its terms in increasing i in double
// precision, and the eight partials are combined by halving, v_k = p_k + p_{k+4},
// w_k = v_k + v_{k+2}, total = w_0 + w_1. A partial is one vector lane, so the sum vectorises, and
// every vector width (eight lanes in one Block, four in two) makes the same additions in the same
// order: the same bits.

#include <array>
#include <cstddef>
#include <utility>

#include "regiosim/core/trust_matrix.hpp"
#include "vector_block.hpp"

namespace regiosim::model {

inline constexpr std::size_t partial_sums = TrustMatrix::block_rows;

// The eight partial sums of one sum over partners, fed Blocks B of single-precision terms. Each
// Block is widened in two halves into accumulators of doubles as wide as the registers (a vector of
// doubles twice as wide as them would make GCC 12 emit slow code, vector_block.hpp).
template <class B>
class PartnerSum {
  public:
    static constexpr std::size_t parts = partial_sums / lanes_of<B>;
    static_assert(parts * lanes_of<B> == partial_sums);
    static constexpr std::size_t half = lanes_of<B> / 2;
    using Partials = VectorOf<double, sizeof(B)>;

    // The terms of partners i … i + lanes − 1, i the h-th Block of a group of eight partners.
    [[gnu::always_inline]] void add(std::size_t h, B terms) noexcept {
        add_halves(h, terms, std::make_index_sequence<half>{});
    }

    [[gnu::always_inline]] double total() const noexcept {
        if constexpr (half == 4) {  // the accumulators hold p0–p3 and p4–p7
            const Partials v = part_[0] + part_[1];
            return (v[0] + v[2]) + (v[1] + v[3]);
        } else {  // (p0, p1), (p2, p3), (p4, p5), (p6, p7)
            static_assert(half == 2);
            const Partials w = (part_[0] + part_[2]) + (part_[1] + part_[3]);
            return w[0] + w[1];
        }
    }

  private:
    // Built lane by lane, which GCC 12 turns into one widening conversion per half
    // (__builtin_convertvector of a half converts two lanes at a time, through the stack).
    template <std::size_t... K>
    [[gnu::always_inline]] void add_halves(std::size_t h, B terms,
                                           std::index_sequence<K...> /*lanes*/) noexcept {
        part_[2 * h] = part_[2 * h] + Partials{static_cast<double>(terms[K])...};
        part_[2 * h + 1] = part_[2 * h + 1] + Partials{static_cast<double>(terms[K + half])...};
    }

    Partials part_[2 * parts] = {};
};

// Σ over active partners i of values_k[i], for each of the K lanes values_k, into totals[k] (a
// count when values is the active lane).
template <std::size_t K>
struct SumsOverActive {
    struct Terms {
        std::array<const float*, K> values;
    };

    template <class B>
    [[gnu::always_inline]] static void run(const Terms& k, const float* active_in,
                                           std::size_t stride, std::array<double, K>& totals) {
        constexpr std::size_t L = lanes_of<B>;
        const float* __restrict active = active_in;
        const B zero = {};
        std::array<PartnerSum<B>, K> sums{};
        for (std::size_t i = 0; i < stride; i += partial_sums) {
            for (std::size_t h = 0; h < PartnerSum<B>::parts; ++h) {
                const auto is_active = load_block<B>(active + i + h * L) != 0.0F;
                for (std::size_t v = 0; v < K; ++v) {
                    const B value = load_block<B>(k.values[v] + i + h * L);
                    sums[v].add(h, is_active ? value : zero);
                }
            }
        }
        for (std::size_t v = 0; v < K; ++v) {
            totals[v] = sums[v].total();
        }
    }
};

// Σ over active partners of each of the lanes in `values`, in the model's order.
template <std::size_t K>
[[nodiscard]] std::array<double, K> sums_over_active(const float* active, std::size_t stride,
                                                     std::array<const float*, K> values) {
    std::array<double, K> totals{};
    const typename SumsOverActive<K>::Terms terms{values};
    dispatch_by_isa<SumsOverActive<K>>(terms, active, stride, totals);
    return totals;
}

}  // namespace regiosim::model

#pragma once

// Sums over partners in the order the model defines (docs/ODD.md §7, "Numerics"): partner i's
// term goes to partial sum i mod 8, each partial adds its terms in increasing i, and the eight
// partials are combined by halving, v_k = p_k + p_{k+4}, w_k = v_k + v_{k+2}, total = w_0 + w_1.
// A partial is one vector lane, so the sum vectorises, and every vector width (eight lanes in one
// Block, four in two, two in four) makes the same additions in the same order: the same bits.

#include <array>
#include <cstddef>

#include "regiosim/core/trust_matrix.hpp"
#include "vector_block.hpp"

namespace regiosim::model {

inline constexpr std::size_t partial_sums = TrustMatrix::block_rows;

// The eight partial sums of one sum over partners, held in Blocks of D.
template <class D>
class PartnerSum {
  public:
    static constexpr std::size_t parts = partial_sums / lanes_of<D>;
    static_assert(parts * lanes_of<D> == partial_sums);

    // The terms of partners i … i + lanes − 1, i the h-th Block of a group of eight partners.
    [[gnu::always_inline]] void add(std::size_t h, D terms) noexcept {
        part_[h] = part_[h] + terms;
    }

    [[gnu::always_inline]] double total() const noexcept {
        if constexpr (parts == 1) {  // eight lanes: halve twice within the Block
            double v[4];
            for (std::size_t k = 0; k < 4; ++k) {
                v[k] = part_[0][k] + part_[0][k + 4];
            }
            return (v[0] + v[2]) + (v[1] + v[3]);
        } else if constexpr (parts == 2) {  // four lanes: the Blocks hold p0–p3 and p4–p7
            const D v = part_[0] + part_[1];
            return (v[0] + v[2]) + (v[1] + v[3]);
        } else {  // two lanes: the Blocks hold (p0, p1) … (p6, p7)
            const D w = (part_[0] + part_[2]) + (part_[1] + part_[3]);
            return w[0] + w[1];
        }
    }

  private:
    D part_[parts] = {};
};

// Σ over active partners i of values_k[i], for each of the K lanes values_k, into totals[k] (a
// count when values is the active lane).
template <std::size_t K>
struct SumsOverActive {
    struct Terms {
        std::array<const double*, K> values;
    };

    template <class Blocks>
    [[gnu::always_inline]] static void run(const Terms& k, const double* active_in,
                                           std::size_t stride, std::array<double, K>& totals) {
        using D = typename Blocks::PartnerBlock;
        constexpr std::size_t L = lanes_of<D>;
        const double* __restrict active = active_in;
        const D zero = {};
        std::array<PartnerSum<D>, K> sums{};
        for (std::size_t i = 0; i < stride; i += partial_sums) {
            for (std::size_t h = 0; h < PartnerSum<D>::parts; ++h) {
                const auto is_active = load_block<D>(active + i + h * L) != 0.0;
                for (std::size_t v = 0; v < K; ++v) {
                    const D value = load_block<D>(k.values[v] + i + h * L);
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
[[nodiscard]] std::array<double, K> sums_over_active(const double* active, std::size_t stride,
                                                     std::array<const double*, K> values) {
    std::array<double, K> totals{};
    const typename SumsOverActive<K>::Terms terms{values};
    dispatch_by_isa<SumsOverActive<K>>(terms, active, stride, totals);
    return totals;
}

}  // namespace regiosim::model

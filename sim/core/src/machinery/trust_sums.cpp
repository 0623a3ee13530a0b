#include <type_traits>

#include "regiosim/core/submodels.hpp"
#include "vector_block.hpp"

namespace regiosim::model {

namespace {

// The trust matrix is column-major, so summed row by row a row sum walks memory with a stride
// and is one long chain of dependent additions. Instead each row block (eight consecutive rows,
// one to four Blocks) walks down the active columns, contiguous in memory, with eight independent
// accumulators in registers, and each row still receives its terms in increasing j, so every sum
// is bit-identical to the row-by-row one. Row i's own entry is replaced by +0.0, which leaves a
// sum of non-negative terms unchanged to the bit; only the columns whose own entry lies in the
// row block (trusted_from) need that compare. The matrix's padding rows sum to 0.0.
template <bool Weighted>
struct SumRows {
    template <class B>
    [[gnu::always_inline]] static void run(const TrustMatrix& trust, const TrustedColumn* columns,
                                           const std::uint32_t* from, std::size_t count,
                                           const float* weights, const float* index, float* sums,
                                           float* weighted) {
        constexpr std::size_t lanes = lanes_of<B>;
        constexpr std::size_t parts = TrustMatrix::block_rows / lanes;
        static_assert(parts * lanes == TrustMatrix::block_rows);
        const B zero = {};
        const float* const matrix = trust.column(0);
        for (std::size_t r = 0; r < trust.stride(); r += TrustMatrix::block_rows) {
            B rows[parts];
            B sum[parts];
            B weighted_sum[parts];
            for (std::size_t h = 0; h < parts; ++h) {
                rows[h] = load_block<B>(index + r + h * lanes);
                sum[h] = zero;
                weighted_sum[h] = zero;
            }
            const auto add_column = [&](const TrustedColumn& column, auto own) {
                const float* at = matrix + column.offset + r;
                for (std::size_t h = 0; h < parts; ++h) {
                    B t = load_block<B>(at + h * lanes);
                    if constexpr (decltype(own)::value) {
                        t = rows[h] == index[column.column] ? zero : t;
                    }
                    sum[h] += t;
                    if constexpr (Weighted) {
                        weighted_sum[h] += t * weights[column.column];
                    }
                }
            };
            const std::size_t first_own = from[r];
            const std::size_t past_own = from[r + TrustMatrix::block_rows];
            for (std::size_t k = 0; k < first_own; ++k) {
                add_column(columns[k], std::false_type{});
            }
            for (std::size_t k = first_own; k < past_own; ++k) {
                add_column(columns[k], std::true_type{});
            }
            for (std::size_t k = past_own; k < count; ++k) {
                add_column(columns[k], std::false_type{});
            }
            for (std::size_t h = 0; h < parts; ++h) {
                store_block(sums + r + h * lanes, sum[h]);
                if constexpr (Weighted) {
                    store_block(weighted + r + h * lanes, weighted_sum[h]);
                }
            }
        }
    }
};

}  // namespace

void sum_trust_rows(SimulationState& s, const float* weights) {
    const TrustedColumn* columns = list_trusted_columns(s);
    const std::uint32_t* from = s.trusted_from.data();
    const std::size_t count = s.trusted_count;
    const float* index = s.lanes.index.data();
    if (weights != nullptr) {
        dispatch_by_isa<SumRows<true>>(s.trust, columns, from, count, weights, index,
                                       s.row_sum.data(), s.row_weighted_sum.data());
        s.row_sums = RowSumsHeld::plain_and_weighted;
    } else {
        const float* no_weights = nullptr;
        float* no_weighted_sums = nullptr;
        dispatch_by_isa<SumRows<false>>(s.trust, columns, from, count, no_weights, index,
                                        s.row_sum.data(), no_weighted_sums);
        s.row_sums = RowSumsHeld::plain;
    }
}

}  // namespace regiosim::model

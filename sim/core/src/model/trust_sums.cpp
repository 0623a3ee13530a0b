#include "../vector_block.hpp"
#include "../vector_clones.hpp"
#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

namespace {

// The trust matrix is column-major, so summed row by row a row sum walks memory with a stride
// and is one long chain of dependent additions. Instead each row block (eight consecutive rows,
// two Blocks) walks down the active columns, contiguous in memory, with eight independent
// accumulators in registers, and each row still receives its terms in increasing j, so every sum
// is bit-identical to the row-by-row one. Row i's own entry is replaced by +0.0, which leaves a
// sum of non-negative terms unchanged to the bit. The matrix's padding rows sum to 0.0.
template <bool Weighted>
[[gnu::always_inline]] inline void sum_rows(const TrustMatrix& trust, const unsigned char* active,
                                            const double* weights, const double* index,
                                            double* sums, double* weighted) {
    static_assert(TrustMatrix::block_rows == 2 * block_lanes);
    constexpr std::size_t h = block_lanes;
    const auto n = static_cast<std::size_t>(trust.cols());
    const Block zero = {};
    for (std::size_t r = 0; r < trust.stride(); r += TrustMatrix::block_rows) {
        const Block rows_low = load_block(index + r);
        const Block rows_high = load_block(index + r + h);
        Block sum_low = {};
        Block sum_high = {};
        Block weighted_low = {};
        Block weighted_high = {};
        for (std::size_t j = 0; j < n; ++j) {
            if (!active[j]) {
                continue;
            }
            const double* column = trust.column(j) + r;
            const Block low = rows_low == index[j] ? zero : load_block(column);
            const Block high = rows_high == index[j] ? zero : load_block(column + h);
            sum_low += low;
            sum_high += high;
            if constexpr (Weighted) {
                weighted_low += low * weights[j];
                weighted_high += high * weights[j];
            }
        }
        store_block(sums + r, sum_low);
        store_block(sums + r + h, sum_high);
        if constexpr (Weighted) {
            store_block(weighted + r, weighted_low);
            store_block(weighted + r + h, weighted_high);
        }
    }
}

REGIOSIM_VECTOR_CLONES void sum_rows_plain(const TrustMatrix& trust, const unsigned char* active,
                                           const double* index, double* sums) {
    sum_rows<false>(trust, active, nullptr, index, sums, nullptr);
}

REGIOSIM_VECTOR_CLONES void sum_rows_weighted(const TrustMatrix& trust, const unsigned char* active,
                                              const double* weights, const double* index,
                                              double* sums, double* weighted) {
    sum_rows<true>(trust, active, weights, index, sums, weighted);
}

}  // namespace

void sum_trust_rows(SimulationState& s, bool weighted) {
    const unsigned char* active = s.partners.active.data();
    const double* index = s.lanes.index.data();
    if (weighted) {
        sum_rows_weighted(s.trust, active, s.partners.prev_contribution.data(), index,
                          s.row_sum.data(), s.row_weighted_sum.data());
        s.row_sums = RowSumsHeld::plain_and_weighted;
    } else {
        sum_rows_plain(s.trust, active, index, s.row_sum.data());
        s.row_sums = RowSumsHeld::plain;
    }
}

}  // namespace regiosim::model

#include "../vector_block.hpp"
#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

namespace {

// The trust matrix is column-major, so summed row by row a row sum walks memory with a stride
// and is one long chain of dependent additions. Instead each row block (eight consecutive rows,
// one to four Blocks) walks down the active columns, contiguous in memory, with eight independent
// accumulators in registers, and each row still receives its terms in increasing j, so every sum
// is bit-identical to the row-by-row one. Row i's own entry is replaced by +0.0, which leaves a
// sum of non-negative terms unchanged to the bit. The matrix's padding rows sum to 0.0.
template <bool Weighted>
struct SumRows {
    template <class B>
    [[gnu::always_inline]] static void run(const TrustMatrix& trust, const float* active,
                                           const float* weights, const float* index, float* sums,
                                           float* weighted) {
        constexpr std::size_t lanes = lanes_of<B>;
        constexpr std::size_t parts = TrustMatrix::block_rows / lanes;
        static_assert(parts * lanes == TrustMatrix::block_rows);
        const auto n = static_cast<std::size_t>(trust.cols());
        const B zero = {};
        for (std::size_t r = 0; r < trust.stride(); r += TrustMatrix::block_rows) {
            B rows[parts];
            B sum[parts];
            B weighted_sum[parts];
            for (std::size_t h = 0; h < parts; ++h) {
                rows[h] = load_block<B>(index + r + h * lanes);
                sum[h] = zero;
                weighted_sum[h] = zero;
            }
            for (std::size_t j = 0; j < n; ++j) {
                if (!active[j]) {
                    continue;
                }
                const float* column = trust.column(j) + r;
                for (std::size_t h = 0; h < parts; ++h) {
                    const B t = rows[h] == index[j] ? zero : load_block<B>(column + h * lanes);
                    sum[h] += t;
                    if constexpr (Weighted) {
                        weighted_sum[h] += t * weights[j];
                    }
                }
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
    const float* active = s.partners.active.data();
    const float* index = s.lanes.index.data();
    if (weights != nullptr) {
        dispatch_by_isa<SumRows<true>>(s.trust, active, weights, index, s.row_sum.data(),
                                       s.row_weighted_sum.data());
        s.row_sums = RowSumsHeld::plain_and_weighted;
    } else {
        const float* no_weights = nullptr;
        float* no_weighted_sums = nullptr;
        dispatch_by_isa<SumRows<false>>(s.trust, active, no_weights, index, s.row_sum.data(),
                                        no_weighted_sums);
        s.row_sums = RowSumsHeld::plain;
    }
}

}  // namespace regiosim::model

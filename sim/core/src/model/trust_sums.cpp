#include <algorithm>
#include <cstring>

#include "../vector_clones.hpp"
#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

namespace {

// Eight doubles in GCC's generic vector type: one AVX-512 register, two AVX2 or four SSE2 ones,
// whichever the clone below is compiled for; the arithmetic is lane by lane IEEE either way.
using Block = double __attribute__((vector_size(8 * sizeof(double))));
constexpr std::size_t block_rows = 8;

// Sums of rows first … first + 7 over the active columns, in increasing j. Row i's own entry is
// replaced by +0.0, which leaves a sum of non-negative terms unchanged to the bit.
template <bool Weighted>
[[gnu::always_inline]] inline void sum_block(const double* trust, const unsigned char* active,
                                             const double* weights, std::size_t n,
                                             std::size_t first, double* sums, double* weighted) {
    const Block lane = {0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0};
    const Block zero = {};
    Block sum = {};
    Block weighted_sum = {};
    for (std::size_t j = 0; j < n; ++j) {
        if (!active[j]) {
            continue;
        }
        Block t;
        std::memcpy(&t, trust + j * n + first, sizeof t);
        const double own = static_cast<double>(j) - static_cast<double>(first);
        t = lane == own ? zero : t;
        sum += t;
        if constexpr (Weighted) {
            weighted_sum += t * weights[j];
        }
    }
    std::memcpy(sums + first, &sum, sizeof sum);
    if constexpr (Weighted) {
        std::memcpy(weighted + first, &weighted_sum, sizeof weighted_sum);
    }
}

// The trust matrix is column-major, so summed row by row a row sum walks memory with a stride
// and is one long chain of dependent additions. Instead blocks of eight consecutive rows are
// summed together: each walks down the active columns, contiguous in memory, with eight
// independent accumulators in registers, and each row still receives its terms in increasing j,
// so every sum is bit-identical to the row-by-row one. The last block ends at row n − 1 and may
// overlap the one before (its rows are simply computed twice, to the same values), so no read
// leaves the matrix.
template <bool Weighted>
[[gnu::always_inline]] inline void sum_rows(const double* trust, const unsigned char* active,
                                            const double* weights, std::size_t n, double* sums,
                                            double* weighted) {
    if (n < block_rows) {
        for (std::size_t i = 0; i < n; ++i) {
            double sum = 0.0;
            double weighted_sum = 0.0;
            for (std::size_t j = 0; j < n; ++j) {
                if (active[j] && j != i) {
                    sum += trust[j * n + i];
                    if constexpr (Weighted) {
                        weighted_sum += trust[j * n + i] * weights[j];
                    }
                }
            }
            sums[i] = sum;
            if constexpr (Weighted) {
                weighted[i] = weighted_sum;
            }
        }
        return;
    }
    for (std::size_t first = 0;; first += block_rows) {
        const std::size_t block = std::min(first, n - block_rows);
        sum_block<Weighted>(trust, active, weights, n, block, sums, weighted);
        if (block + block_rows == n) {
            break;
        }
    }
}

REGIOSIM_VECTOR_CLONES void sum_rows_plain(const double* trust, const unsigned char* active,
                                           std::size_t n, double* sums) {
    sum_rows<false>(trust, active, nullptr, n, sums, nullptr);
}

REGIOSIM_VECTOR_CLONES void sum_rows_weighted(const double* trust, const unsigned char* active,
                                              const double* weights, std::size_t n, double* sums,
                                              double* weighted) {
    sum_rows<true>(trust, active, weights, n, sums, weighted);
}

}  // namespace

void sum_trust_rows(SimulationState& s, const double* weights) {
    const auto n = s.partners.size();
    const unsigned char* active = s.partners.active.data();
    if (weights != nullptr) {
        sum_rows_weighted(s.trust.data(), active, weights, n, s.row_sum.data(),
                          s.row_weighted_sum.data());
    } else {
        sum_rows_plain(s.trust.data(), active, n, s.row_sum.data());
    }
}

}  // namespace regiosim::model

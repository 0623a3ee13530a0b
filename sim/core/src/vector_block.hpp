#pragma once

#include <cstddef>
#include <cstring>

#include "regiosim/core/trust_matrix.hpp"

// GCC warns that passing or returning a 32-byte vector changes the calling convention between
// clones with and without AVX. The helpers that take and return Blocks are always inlined into
// one kernel, so no call between differently compiled functions ever passes one; the warning
// cannot apply, in every file that includes this header.
#pragma GCC diagnostic ignored "-Wpsabi"

namespace regiosim::model {

// Four doubles in GCC's generic vector type: one AVX2 register (half of one in the AVX-512
// clone), two SSE2 ones, whichever clone (vector_clones.hpp) a kernel is compiled for; the
// arithmetic is lane by lane IEEE either way, so every clone computes the same bits. Eight-lane
// blocks made the AVX-512 clone ≈ 5 % faster but the AVX2 clone four times slower (GCC 12 splits
// their compares and selects badly), and AVX2 is what most laptops have (docs/performance.md).
// A TrustMatrix row block is a whole number of Blocks.
inline constexpr std::size_t block_lanes = 4;
static_assert(TrustMatrix::block_rows % block_lanes == 0);
using Block = double __attribute__((vector_size(block_lanes * sizeof(double))));

// memcpy, because a Block's 32-byte alignment is more than std::vector promises for the lanes;
// GCC turns it into one (unaligned) vector load or store.
[[gnu::always_inline]] inline Block load_block(const double* at) noexcept {
    Block b;
    std::memcpy(&b, at, sizeof b);
    return b;
}

[[gnu::always_inline]] inline void store_block(double* at, Block b) noexcept {
    std::memcpy(at, &b, sizeof b);
}

// Spelt out: 0.0 + x would turn -0.0 into +0.0.
[[gnu::always_inline]] inline Block broadcast(double x) noexcept {
    return Block{x, x, x, x};
}

}  // namespace regiosim::model

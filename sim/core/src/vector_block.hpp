#pragma once

#include <cstddef>
#include <cstring>

#include "regiosim/core/trust_matrix.hpp"

// GCC warns that passing or returning a 64-byte vector changes the calling convention between
// clones with and without AVX-512. The helpers that take and return Blocks are always inlined
// into one kernel, so no call between differently compiled functions ever passes one; the
// warning cannot apply, in every file that includes this header.
#pragma GCC diagnostic ignored "-Wpsabi"

namespace regiosim::model {

// Eight doubles in GCC's generic vector type: one AVX-512 register, two AVX2 or four SSE2 ones,
// whichever clone (vector_clones.hpp) a kernel is compiled for; the arithmetic is lane by lane
// IEEE either way, so every clone computes the same bits. One block is one row block of a
// TrustMatrix column.
using Block = double __attribute__((vector_size(TrustMatrix::block_rows * sizeof(double))));
static_assert(sizeof(Block) == 64);

// memcpy, because a Block's 64-byte alignment is more than std::vector promises for the lanes;
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
    return Block{x, x, x, x, x, x, x, x};
}

}  // namespace regiosim::model

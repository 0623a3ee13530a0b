#pragma once

#include <cstddef>
#include <cstring>

#include "regiosim/core/trust_matrix.hpp"

// GCC warns that passing or returning a vector wider than the baseline's changes the calling
// convention between functions compiled for different instruction sets. The helpers that take
// and return Blocks are always inlined into one kernel, so no call between differently compiled
// functions ever passes one; the warning cannot apply, in every file that includes this header.
#pragma GCC diagnostic ignored "-Wpsabi"

namespace regiosim::model {

// GCC's generic vector types, one per instruction set: a kernel runs on Blocks as wide as one
// register of the set it is compiled for (dispatch_by_isa). A Block twice as wide as the
// registers costs little in the AVX-512 code but made the AVX2 and SSE2 code four times slower
// (GCC 12 splits its compares and selects badly); one as narrow everywhere made the AVX-512 code
// 5–14 % slower (docs/performance.md). Lane width does not change IEEE arithmetic, so every width
// computes the same bits. A TrustMatrix row block is a whole number of Blocks of each width.
template <std::size_t Lanes>
struct BlockType;
template <>
struct BlockType<8> {
    using type = double __attribute__((vector_size(64)));
};
template <>
struct BlockType<4> {
    using type = double __attribute__((vector_size(32)));
};
template <>
struct BlockType<2> {
    using type = double __attribute__((vector_size(16)));
};
// An alias template with a dependent vector_size would silently be a plain double in GCC 12.
template <std::size_t Lanes>
using BlockOf = typename BlockType<Lanes>::type;

template <class B>
inline constexpr std::size_t lanes_of = sizeof(B) / sizeof(double);

// memcpy, because a Block's alignment may be more than std::vector promises for the lanes; GCC
// turns it into one (unaligned) vector load or store.
template <class B>
[[gnu::always_inline]] inline B load_block(const double* at) noexcept {
    B b;
    std::memcpy(&b, at, sizeof b);
    return b;
}

template <class B>
[[gnu::always_inline]] inline void store_block(double* at, B b) noexcept {
    std::memcpy(at, &b, sizeof b);
}

// Lane by lane: 0.0 + x would turn -0.0 into +0.0.
template <class B>
[[gnu::always_inline]] inline B broadcast(double x) noexcept {
    B b;
    for (std::size_t k = 0; k < lanes_of<B>; ++k) {
        b[k] = x;
    }
    return b;
}

enum class VectorIsa { baseline, avx2, avx512 };

/// The widest instruction set this CPU runs.
[[nodiscard]] VectorIsa best_vector_isa() noexcept;

/// The instruction set the kernels run on: the best one, or a narrower one asked for by
/// use_vector_isa or by REGIOSIM_VECTOR_ISA=baseline|avx2|avx512 when the program starts.
[[nodiscard]] VectorIsa vector_isa() noexcept;

/// For tests and benchmarks: runs the kernels on `isa`, or on the best one if the CPU has not got
/// it. Returns the one now in use.
VectorIsa use_vector_isa(VectorIsa isa) noexcept;

// Kernel::run<B>(args...) compiled three times, for AVX-512 with eight lanes, AVX2 with four and
// the x86-64 baseline with two, and called in the version this CPU can run. Kernel::run must be
// always_inline, so that it is compiled as part of each of these. -ffp-contract=off keeps fused
// multiply-adds out and the kernels use no vectorised libm, so the three compute the same bits;
// they are written without branches (both outcomes computed, one selected) so that they vectorise.
template <class Kernel, class... Args>
[[gnu::target("avx512f")]] void run_avx512(Args&&... args) {
    Kernel::template run<BlockOf<8>>(args...);
}

template <class Kernel, class... Args>
[[gnu::target("avx2")]] void run_avx2(Args&&... args) {
    Kernel::template run<BlockOf<4>>(args...);
}

template <class Kernel, class... Args>
void run_baseline(Args&&... args) {
    Kernel::template run<BlockOf<2>>(args...);
}

template <class Kernel, class... Args>
void dispatch_by_isa(Args&&... args) {
    switch (vector_isa()) {
        case VectorIsa::avx512:
            run_avx512<Kernel>(args...);
            return;
        case VectorIsa::avx2:
            run_avx2<Kernel>(args...);
            return;
        case VectorIsa::baseline:
            run_baseline<Kernel>(args...);
            return;
    }
}

}  // namespace regiosim::model

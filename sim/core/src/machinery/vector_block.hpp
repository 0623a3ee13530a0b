#pragma once

#include <atomic>
#include <cstddef>
#include <cstring>
#include <type_traits>
#include <utility>

#include "regiosim/core/trust_matrix.hpp"

// GCC warns that passing or returning a vector wider than the baseline's changes the calling
// convention between functions compiled for different instruction sets. The helpers that take
// and return Blocks are always inlined into one kernel, so no call between differently compiled
// functions ever passes one; the warning cannot apply, in every file that includes this header.
#pragma GCC diagnostic ignored "-Wpsabi"

namespace regiosim::model {

// GCC's generic vector types. A kernel is compiled once per instruction set (dispatch_by_isa) and
// works on Blocks of floats as wide as that set's registers (the model's lanes are single
// precision, docs/ODD.md §7 "Numerics"). A Block twice as wide as the registers made the AVX2 and
// SSE2 code four times slower (GCC 12 splits its compares and selects badly; docs/performance.md).
// Lane width does not change IEEE arithmetic, so every width computes the same bits. A TrustMatrix
// row block is a whole number of Blocks of each width.
template <class T, std::size_t Bytes>
struct VectorType;
template <>
struct VectorType<float, 32> {
    using type = float __attribute__((vector_size(32)));
};
template <>
struct VectorType<float, 16> {
    using type = float __attribute__((vector_size(16)));
};
template <>
struct VectorType<double, 32> {
    using type = double __attribute__((vector_size(32)));
};
template <>
struct VectorType<double, 16> {
    using type = double __attribute__((vector_size(16)));
};
// An alias template with a dependent vector_size would silently be a plain scalar in GCC 12.
template <class T, std::size_t Bytes>
using VectorOf = typename VectorType<T, Bytes>::type;

// AVX-512 keeps eight lanes: a 20-partner region has 24 lanes, three Blocks of eight against two
// of sixteen with a third of them padding; it still gains AVX-512's mask registers and 32 vector
// registers.
using Avx512Block = VectorOf<float, 32>;
using Avx2Block = VectorOf<float, 32>;
using BaselineBlock = VectorOf<float, 16>;

// A term computed in double precision, rounded once to the lanes' single precision.
[[nodiscard]] constexpr float single(double x) noexcept {
    return static_cast<float>(x);
}

template <class B>
using element_of = std::remove_cvref_t<decltype(std::declval<B>()[0])>;

template <class B>
inline constexpr std::size_t lanes_of = sizeof(B) / sizeof(element_of<B>);

// memcpy, because a Block's alignment may be more than std::vector promises for the lanes; GCC
// turns it into one (unaligned) vector load or store.
template <class B>
[[gnu::always_inline]] inline B load_block(const element_of<B>* at) noexcept {
    B b;
    std::memcpy(&b, at, sizeof b);
    return b;
}

template <class B>
[[gnu::always_inline]] inline void store_block(element_of<B>* at, B b) noexcept {
    std::memcpy(at, &b, sizeof b);
}

// √ of every lane (GCC turns the loop into one vector square root; IEEE √ is correctly rounded,
// so every width gives the same bits).
template <class B>
[[gnu::always_inline]] inline B square_root(B b) noexcept {
    B root;
    for (std::size_t k = 0; k < lanes_of<B>; ++k) {
        root[k] = __builtin_sqrtf(b[k]);
    }
    return root;
}

// The largest lane of a Block (order does not matter to a maximum).
template <class B>
[[gnu::always_inline]] inline element_of<B> largest_lane(B b) noexcept {
    element_of<B> largest = b[0];
    for (std::size_t k = 1; k < lanes_of<B>; ++k) {
        largest = largest < b[k] ? b[k] : largest;
    }
    return largest;
}

// Lane by lane: 0.0 + x would turn -0.0 into +0.0.
template <class B>
[[gnu::always_inline]] inline B broadcast(element_of<B> x) noexcept {
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
extern std::atomic<VectorIsa> isa_in_use;
[[nodiscard]] inline VectorIsa vector_isa() noexcept {
    return isa_in_use.load(std::memory_order_relaxed);
}

/// For tests and benchmarks: runs the kernels on `isa`, or on the best one if the CPU has not got
/// it. Returns the one now in use.
VectorIsa use_vector_isa(VectorIsa isa) noexcept;

// Kernel::run<B>(args...) compiled three times, for AVX-512, AVX2 and the x86-64 baseline with
// the Block of each (Avx512Block …), and called in the version this CPU can run.
// Kernel::run must be always_inline, so that it is compiled as part of each of these.
// -ffp-contract=off keeps fused multiply-adds out and the kernels use no vectorised libm, so the
// three compute the same bits; they are written without branches (both outcomes computed, one
// selected) so that they vectorise.
template <class Kernel, class... Args>
[[gnu::target("avx512f,avx512vl")]] void run_avx512(Args&&... args) {
    Kernel::template run<Avx512Block>(args...);
}

template <class Kernel, class... Args>
[[gnu::target("avx2")]] void run_avx2(Args&&... args) {
    Kernel::template run<Avx2Block>(args...);
}

template <class Kernel, class... Args>
void run_baseline(Args&&... args) {
    Kernel::template run<BaselineBlock>(args...);
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

#pragma once

// The logarithm and cosine that the normal draws need, written with nothing but IEEE addition,
// multiplication, division and bit operations. Two reasons not to call libm: glibc picks its
// log and cos by CPU (FMA or not), and its versions may then differ in the last bit, which would
// break the promise that a run is bit-identical on every machine; and a libm call is opaque to
// the vectoriser, so the normals of a trust matrix (one per ordered pair) were computed one at a
// time and were half the cost of setting up a 300-partner run. These functions inline into
// vectorised loops, and every lane width computes the same bits (-ffp-contract=off).
//
// Accuracy: within a few units in the last place on their domains (tests/core/
// test_portable_math.cpp compares them with libm), which is far below anything the model can
// resolve; they are not correctly rounded and need not be.

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace regiosim::portable {

namespace detail {

// 1/n!, correctly rounded: n! is exact in a double for n ≤ 22.
constexpr double inverse_factorial(int n) {
    double factorial = 1.0;
    for (int k = 2; k <= n; ++k) {
        factorial *= k;
    }
    return 1.0 / factorial;
}

// Series coefficients, tabulated at compile time so that the loops below are plain
// multiply-adds (and the divisions are not repeated at run time); computed in double precision
// and rounded once to the table's type.
template <class T, std::size_t N, typename Term>
consteval std::array<T, N> tabulate(Term term) {
    std::array<T, N> table{};
    for (std::size_t k = 0; k < N; ++k) {
        table[k] = static_cast<T>(term(static_cast<int>(k)));
    }
    return table;
}

// Σ_k table[k] · z^k by Horner's rule, written out term by term at compile time: a loop here
// would stay a loop inside the caller's loop, and that inner loop keeps the outer one from
// vectorising.
template <class T, std::size_t N, std::size_t... K>
[[gnu::always_inline]] inline T horner(const std::array<T, N>& table, T z,
                                       std::index_sequence<K...> /*terms*/) {
    T sum = table[N - 1];
    ((sum = table[N - 2 - K] + z * sum), ...);
    return sum;
}

template <class T, std::size_t N>
[[gnu::always_inline]] inline T polynomial(const std::array<T, N>& table, T z) {
    return horner(table, z, std::make_index_sequence<N - 1>{});
}

constexpr auto atanh_term = [](int k) { return 1.0 / (2 * k + 1); };
constexpr auto cos_term = [](int k) { return inverse_factorial(2 * k); };
constexpr auto sin_term = [](int k) { return inverse_factorial(2 * k + 1); };

// What log_positive and sincos_turns need of each precision: the bit layout, the series (how
// many terms), and the constants.
template <class T>
struct Precision;

template <>
struct Precision<double> {
    using Bits = std::uint64_t;
    static constexpr Bits mantissa = 0x000FFFFFFFFFFFFFULL;
    static constexpr Bits one = 0x3FF0000000000000ULL;  // the exponent field of 1.0
    // Series to the last term that is not below 2^−60 of the first.
    static constexpr auto atanh_series = tabulate<double, 12>(atanh_term);
    static constexpr auto cos_series = tabulate<double, 10>(cos_term);
    static constexpr auto sin_series = tabulate<double, 10>(sin_term);
    // ln 2 split so that e · ln2_high is exact for every exponent e of a double (ln2_high has 32
    // significant bits); ln2_low is the rest.
    static constexpr double ln2_high = 6.93147180369123816490e-01;
    static constexpr double ln2_low = 1.90821492927058770002e-10;
    static constexpr double two_pi = 6.28318530717958647692;
    static constexpr double root_two = 1.41421356237309504880;

    // The unbiased exponent of a positive double, as a double, without an integer-to-double
    // conversion (which AVX2 lacks for 64-bit integers): the field is placed under the exponent
    // of 2^52, where it reads as an integer.
    static double exponent(Bits bits) {
        return std::bit_cast<double>((bits >> 52) | 0x4330000000000000ULL) - 4503599627370496.0 -
               1023.0;
    }
};

template <>
struct Precision<float> {
    using Bits = std::uint32_t;
    static constexpr Bits mantissa = 0x007FFFFFU;
    static constexpr Bits one = 0x3F800000U;
    // The first omitted term is below 2^−28 of the first (|s|² ≤ 0.0295 for the logarithm,
    // z ≤ 0.617 for the octant's angle), a sixteenth of float's last place.
    static constexpr auto atanh_series = tabulate<float, 5>(atanh_term);
    static constexpr auto cos_series = tabulate<float, 6>(cos_term);
    static constexpr auto sin_series = tabulate<float, 5>(sin_term);
    // The same split for float (fdlibm's logf): 17 significant bits, so e · ln2_high is exact
    // for every exponent of a float.
    static constexpr float ln2_high = 6.9313812256e-01F;
    static constexpr float ln2_low = 9.0580006145e-06F;
    static constexpr float two_pi = 6.28318530717958647692F;
    static constexpr float root_two = 1.41421356237309504880F;

    // The exponent field is below 2^8: the conversion from a 32-bit integer is exact, and SSE2
    // has it in every lane.
    static float exponent(Bits bits) {
        return static_cast<float>(static_cast<std::int32_t>(bits >> 23)) - 127.0F;
    }
};

}  // namespace detail

/// Natural logarithm of a positive, finite, normal double or float.
///
/// x = 2^e · m with m in [√½, √2); then log m = 2 atanh(s) with s = (m − 1)/(m + 1), |s| ≤ 0.172,
/// summed as 2s (1 + s²/3 + s⁴/5 + …) to the last term that matters in T
/// (detail::Precision::atanh_series: to s²²/23 for a double, to s¹⁰/11 for a float);
/// log x = e · ln 2 + log m.
template <class T>
[[gnu::always_inline]] inline T log_positive(T x) {
    using P = detail::Precision<T>;
    const auto bits = std::bit_cast<typename P::Bits>(x);
    T exponent = P::exponent(bits);
    T m = std::bit_cast<T>((bits & P::mantissa) | P::one);
    const bool high = m > P::root_two;
    m = high ? m * T{0.5} : m;  // exact
    exponent = high ? exponent + T{1} : exponent;
    const T f = m - T{1};  // exact (Sterbenz): m lies within a factor 2 of 1
    const T s = f / (T{2} + f);
    const T z = s * s;
    const T log_m = T{2} * s * detail::polynomial(P::atanh_series, z);
    return exponent * P::ln2_high + (log_m + exponent * P::ln2_low);
}

/// cos(2π x) and sin(2π x) for x in [0, 1], in double or float: x is a fraction of a turn, so the
/// reduction to the first octant is exact (no multiple of π is subtracted) and only the final
/// angle, at most π/4, is rounded; both come from the same two series on that angle (to z⁹ in a
/// double, where the first omitted terms are below 10^−17; to z⁵ and z⁴ in a float).
template <class T>
[[gnu::always_inline]] inline void sincos_turns(T x, T& sine, T& cosine) {
    using P = detail::Precision<T>;
    const T centred = x < T{0.5} ? x : x - T{1};      // exact for x in [0.5, 1]
    const T a = centred < T{0} ? -centred : centred;  // in [0, ½]
    const bool far = a > T{0.25};      // cos(2π a) = −cos(2π (½ − a)), sin(2π a) = sin(…)
    const T b = far ? T{0.5} - a : a;  // in [0, ¼], exact
    const bool near_quarter = b > T{0.125};  // cos(2π b) = sin(2π (¼ − b)), and the other way
    const T t = near_quarter ? T{0.25} - b : b;  // in [0, ⅛], exact
    const T theta = P::two_pi * t;
    const T z = theta * theta;  // at most (π/4)² ≈ 0.617
    // Taylor series in −z (the signs alternate).
    const T cos_t = detail::polynomial(P::cos_series, -z);
    const T sin_t = theta * detail::polynomial(P::sin_series, -z);
    const T cos_b = near_quarter ? sin_t : cos_t;
    const T sin_b = near_quarter ? cos_t : sin_t;
    cosine = far ? -cos_b : cos_b;
    sine = centred < T{0} ? -sin_b : sin_b;
}

/// cos(2π x) for x in [0, 1] (sincos_turns).
inline double cos_turns(double x) {
    double sine = 0.0;
    double cosine = 0.0;
    sincos_turns(x, sine, cosine);
    return cosine;
}

}  // namespace regiosim::portable

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

// Double precision: series to the last term that is not below 2^−60 of the first.
constexpr auto atanh_series = tabulate<double, 12>(atanh_term);
constexpr auto cos_series = tabulate<double, 10>(cos_term);
constexpr auto sin_series = tabulate<double, 10>(sin_term);

// Single precision: the first omitted term is below 2^−28 of the first (|s|² ≤ 0.0295 for the
// logarithm, z ≤ 0.617 for the octant's angle), a sixteenth of float's last place.
constexpr auto atanh_series_single = tabulate<float, 5>(atanh_term);
constexpr auto cos_series_single = tabulate<float, 6>(cos_term);
constexpr auto sin_series_single = tabulate<float, 5>(sin_term);

// ln 2 split so that e · ln2_high is exact for every exponent e of a double (ln2_high has 32
// significant bits); ln2_low is the rest.
constexpr double ln2_high = 6.93147180369123816490e-01;
constexpr double ln2_low = 1.90821492927058770002e-10;
constexpr double two_pi = 6.28318530717958647692;
// The same split for float (fdlibm's logf): 17 significant bits, so e · ln2_high_single is exact
// for every exponent of a float.
constexpr float ln2_high_single = 6.9313812256e-01F;
constexpr float ln2_low_single = 9.0580006145e-06F;
constexpr float two_pi_single = 6.28318530717958647692F;

// The exponent field of a positive double, as a double, without an integer-to-double
// conversion (which AVX2 lacks for 64-bit integers): the field is placed under the exponent of
// 2^52, where it reads as an integer.
inline double exponent_field(std::uint64_t bits) {
    return std::bit_cast<double>((bits >> 52) | 0x4330000000000000ULL) - 4503599627370496.0;
}

}  // namespace detail

/// Natural logarithm of a positive, finite, normal double.
///
/// x = 2^e · m with m in [√½, √2); then log m = 2 atanh(s) with s = (m − 1)/(m + 1), |s| ≤ 0.172,
/// summed as 2s (1 + s²/3 + s⁴/5 + …) to the term s²² /23, the last one that is not below
/// 2^−60 of the first; log x = e · ln 2 + log m.
inline double log_positive(double x) {
    const auto bits = std::bit_cast<std::uint64_t>(x);
    double exponent = detail::exponent_field(bits) - 1023.0;
    double m = std::bit_cast<double>((bits & 0x000FFFFFFFFFFFFFULL) | 0x3FF0000000000000ULL);
    const bool high = m > 1.41421356237309504880;
    m = high ? m * 0.5 : m;  // exact
    exponent = high ? exponent + 1.0 : exponent;
    const double f = m - 1.0;  // exact (Sterbenz): m lies within a factor 2 of 1
    const double s = f / (2.0 + f);
    const double z = s * s;
    const double log_m = 2.0 * s * detail::polynomial(detail::atanh_series, z);
    return exponent * detail::ln2_high + (log_m + exponent * detail::ln2_low);
}

/// cos(2π x) and sin(2π x) for x in [0, 1]: x is a fraction of a turn, so the reduction to the
/// first octant is exact (no multiple of π is subtracted) and only the final angle, at most π/4,
/// is rounded; both come from the same two series on that angle.
inline void sincos_turns(double x, double& sine, double& cosine) {
    const double centred = x < 0.5 ? x : x - 1.0;         // exact for x in [0.5, 1]
    const double a = centred < 0.0 ? -centred : centred;  // in [0, ½]
    const bool far = a > 0.25;  // cos(2π a) = −cos(2π (½ − a)), sin(2π a) = sin(…)
    const double b = far ? 0.5 - a : a;   // in [0, ¼], exact
    const bool near_quarter = b > 0.125;  // cos(2π b) = sin(2π (¼ − b)), and the other way
    const double t = near_quarter ? 0.25 - b : b;  // in [0, ⅛], exact
    const double theta = detail::two_pi * t;
    const double z = theta * theta;  // at most (π/4)² ≈ 0.617
    // Taylor series to z⁹ in −z (the signs alternate): the first omitted terms are below 10^−17.
    const double cos_t = detail::polynomial(detail::cos_series, -z);
    const double sin_t = theta * detail::polynomial(detail::sin_series, -z);
    const double cos_b = near_quarter ? sin_t : cos_t;
    const double sin_b = near_quarter ? cos_t : sin_t;
    cosine = far ? -cos_b : cos_b;
    sine = centred < 0.0 ? -sin_b : sin_b;
}

/// Natural logarithm of a positive, finite, normal float: log_positive(double) in single
/// precision, to s¹⁰/11 (detail::atanh_series_single).
inline float log_positive(float x) {
    const auto bits = std::bit_cast<std::uint32_t>(x);
    // The exponent field is below 2^8: the conversion from a 32-bit integer is exact, and SSE2
    // has it in every lane.
    float exponent = static_cast<float>(static_cast<std::int32_t>(bits >> 23)) - 127.0F;
    float m = std::bit_cast<float>((bits & 0x007FFFFFU) | 0x3F800000U);
    const bool high = m > 1.41421356F;
    m = high ? m * 0.5F : m;  // exact
    exponent = high ? exponent + 1.0F : exponent;
    const float f = m - 1.0F;  // exact (Sterbenz)
    const float s = f / (2.0F + f);
    const float z = s * s;
    const float log_m = 2.0F * s * detail::polynomial(detail::atanh_series_single, z);
    return exponent * detail::ln2_high_single + (log_m + exponent * detail::ln2_low_single);
}

/// sincos_turns(double …) in single precision: the same exact reduction to the first octant, and
/// series to the angle's 10th (cosine) and 9th (sine) power.
inline void sincos_turns(float x, float& sine, float& cosine) {
    const float centred = x < 0.5F ? x : x - 1.0F;
    const float a = centred < 0.0F ? -centred : centred;
    const bool far = a > 0.25F;
    const float b = far ? 0.5F - a : a;
    const bool near_quarter = b > 0.125F;
    const float t = near_quarter ? 0.25F - b : b;
    const float theta = detail::two_pi_single * t;
    const float z = theta * theta;
    const float cos_t = detail::polynomial(detail::cos_series_single, -z);
    const float sin_t = theta * detail::polynomial(detail::sin_series_single, -z);
    const float cos_b = near_quarter ? sin_t : cos_t;
    const float sin_b = near_quarter ? cos_t : sin_t;
    cosine = far ? -cos_b : cos_b;
    sine = centred < 0.0F ? -sin_b : sin_b;
}

/// cos(2π x) for x in [0, 1] (sincos_turns).
inline double cos_turns(double x) {
    double sine = 0.0;
    double cosine = 0.0;
    sincos_turns(x, sine, cosine);
    return cosine;
}

}  // namespace regiosim::portable

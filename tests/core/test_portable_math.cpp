// The log and cosine behind the normal draws (sim/core/src/machinery/portable_math.hpp), against
// libm.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <utility>
#include <vector>

#include "../../sim/core/src/machinery/portable_math.hpp"
#include "regiosim/core/random.hpp"

using namespace regiosim;

namespace {

// Distance in units in the last place of `reference`.
double ulps(double value, double reference) {
    const double magnitude = std::abs(reference);
    const double ulp =
        std::nextafter(magnitude, std::numeric_limits<double>::infinity()) - magnitude;
    return std::abs(value - reference) / ulp;
}

// The uniforms the generator produces: (k + ½) / 2^53, here spread over (0, 1) and down to the
// smallest one, where log matters most for the normal's tails.
double uniform_like(int k, int count) {
    const double u = (k + 0.5) / count;
    return k % 3 == 0 ? std::ldexp(u, -(k % 54)) : u;
}

}  // namespace

TEST_CASE("portable log is within 4 ulp of libm over the generator's uniforms", "[random]") {
    constexpr int count = 200000;
    double worst = 0.0;
    for (int k = 0; k < count; ++k) {
        const double u = uniform_like(k, count);
        worst = std::max(worst, ulps(portable::log_positive(u), std::log(u)));
    }
    // libm is itself within ½–1 ulp; the series and the division add at most a few.
    CHECK(worst <= 4.0);
    CHECK(portable::log_positive(1.0) == 0.0);
    CHECK(portable::log_positive(0.5) == -std::numbers::ln2);
    CHECK(portable::log_positive(0.5 / 9007199254740992.0) ==
          Approx(-54 * std::numbers::ln2).epsilon(1e-15));
    CHECK(portable::log_positive(std::numbers::e) == Approx(1.0).epsilon(1e-15));
}

TEST_CASE("portable cos of a fraction of a turn is within 2e-16 of the long-double value",
          "[random]") {
    constexpr int count = 200000;
    double worst = 0.0;
    for (int k = 0; k < count; ++k) {
        const double x = (k + 0.5) / count;
        const long double reference = std::cos(2.0L * std::numbers::pi_v<long double> * x);
        worst = std::max(worst, static_cast<double>(std::abs(portable::cos_turns(x) - reference)));
    }
    CHECK(worst < 2e-16);
    // The octant reduction is exact, so the axes and diagonals come out exactly or nearly so.
    CHECK(portable::cos_turns(0.0) == 1.0);
    CHECK(portable::cos_turns(0.25) == 0.0);
    CHECK(portable::cos_turns(0.5) == -1.0);
    CHECK(portable::cos_turns(0.75) == 0.0);
    CHECK(portable::cos_turns(1.0) == 1.0);
    CHECK(portable::cos_turns(0.125) == Approx(std::numbers::sqrt2 / 2).epsilon(1e-15));
    CHECK(portable::cos_turns(0.375) == Approx(-std::numbers::sqrt2 / 2).epsilon(1e-15));
    // Even about the half turn (for offsets that leave ½ ± d exact).
    for (const double d : {1.0 / 64, 3.0 / 32, 0.1875, 0.3125, 0.4375}) {
        CHECK(portable::cos_turns(0.5 + d) == portable::cos_turns(0.5 - d));
    }
}

TEST_CASE("portable sine of a fraction of a turn is within 2e-16 of the long-double value",
          "[random]") {
    constexpr int count = 200000;
    double worst_sine = 0.0;
    double worst_cosine = 0.0;
    for (int k = 0; k < count; ++k) {
        const double x = (k + 0.5) / count;
        const long double angle = 2.0L * std::numbers::pi_v<long double> * x;
        double sine = 0.0;
        double cosine = 0.0;
        portable::sincos_turns(x, sine, cosine);
        worst_sine = std::max(worst_sine, static_cast<double>(std::abs(sine - std::sin(angle))));
        worst_cosine =
            std::max(worst_cosine, static_cast<double>(std::abs(cosine - std::cos(angle))));
        CHECK(cosine == portable::cos_turns(x));
    }
    CHECK(worst_sine < 2e-16);
    CHECK(worst_cosine < 2e-16);
    // The axes come out exactly; odd about the half turn.
    double sine = 1.0;
    double cosine = 0.0;
    for (const auto& [x, expected] : {std::pair{0.0, 0.0}, {0.25, 1.0}, {0.5, 0.0}, {0.75, -1.0}}) {
        portable::sincos_turns(x, sine, cosine);
        CHECK(sine == expected);
    }
    for (const double d : {1.0 / 64, 3.0 / 32, 0.1875, 0.3125, 0.4375}) {
        double above = 0.0;
        double below = 0.0;
        portable::sincos_turns(0.5 + d, above, cosine);
        portable::sincos_turns(0.5 - d, below, cosine);
        CHECK(above == -below);
    }
}

TEST_CASE("single-precision log is within 3 float ulps of libm over the uniforms", "[random]") {
    // Every uniform the generator makes in single precision, (m + ½)/2^23, at a stride that
    // visits every binade from 2^-24 up.
    float worst = 0.0F;
    for (std::uint32_t m = 0; m < (1U << 23); m += m < 4096 ? 1 : 977) {
        const float u = (static_cast<float>(m) + 0.5F) / 8388608.0F;
        const double reference = std::log(static_cast<double>(u));
        const float value = portable::log_positive(u);
        const float magnitude = std::abs(static_cast<float>(reference));
        const float ulp =
            std::nextafter(magnitude, std::numeric_limits<float>::infinity()) - magnitude;
        worst = std::max(worst, static_cast<float>(std::abs(value - reference) / ulp));
    }
    // The division, the series and the final sum each round once (2.3 ulps at worst as measured).
    CHECK(worst <= 3.0F);
    CHECK(portable::log_positive(1.0F) == 0.0F);
    CHECK(portable::log_positive(0.5F) == Approx(-std::numbers::ln2).epsilon(1e-7));
}

TEST_CASE("single-precision sine and cosine of a turn are within 2e-7 of the long-double values",
          "[random]") {
    constexpr int count = 200000;
    double worst = 0.0;
    for (int k = 0; k < count; ++k) {
        const float x = (static_cast<float>(k) + 0.5F) / count;
        const long double angle = 2.0L * std::numbers::pi_v<long double> * x;
        float sine = 0.0F;
        float cosine = 0.0F;
        portable::sincos_turns(x, sine, cosine);
        worst = std::max(worst, static_cast<double>(std::abs(sine - std::sin(angle))));
        worst = std::max(worst, static_cast<double>(std::abs(cosine - std::cos(angle))));
    }
    // Float's last place near 1 is 1.2e-7 (6e-8 below 1): the series and the reduction add at
    // most a unit or so.
    CHECK(worst < 2e-7);
    float sine = 1.0F;
    float cosine = 0.0F;
    for (const auto& [x, expected] :
         {std::pair{0.0F, 0.0F}, {0.25F, 1.0F}, {0.5F, 0.0F}, {0.75F, -1.0F}}) {
        portable::sincos_turns(x, sine, cosine);
        CHECK(sine == expected);
    }
}

namespace {

// The documented uniform of a word in single precision: its top 23 bits, (m + ½)/2^23.
float single_uniform(std::uint32_t word) {
    return (static_cast<float>(word >> 9) + 0.5F) / 8388608.0F;
}

}  // namespace

TEST_CASE("single-precision normals are the Box-Muller pairs of the documented blocks",
          "[random]") {
    const RandomStream rng(99, 4);
    // Several chunks of 64 blocks, with and without a partly used last block.
    for (const std::size_t count : {1031, 1030, 1029, 1028, 3}) {
        std::vector<float> batch(count);
        rng.single_normals(DrawPurpose::initial_state, 0, 17, batch.size(), batch.data());
        for (std::size_t j = 0; j < batch.size(); ++j) {
            const auto b =
                rng.block(DrawPurpose::initial_state, 0, 17, static_cast<std::uint32_t>(j / 4));
            const std::size_t pair = (j % 4) / 2;
            const float radius =
                std::sqrt(-2.0F * portable::log_positive(single_uniform(b[2 * pair])));
            float sine = 0.0F;
            float cosine = 0.0F;
            portable::sincos_turns(single_uniform(b[2 * pair + 1]), sine, cosine);
            CHECK(batch[j] == radius * (j % 2 == 0 ? cosine : sine));
        }
    }
}

TEST_CASE("single-precision uniforms are the documented words", "[random]") {
    const RandomStream rng(5, 9);
    for (const std::size_t count : {23, 20, 1}) {  // with and without a partly used last block
        std::vector<float> batch(count);
        rng.single_uniforms(DrawPurpose::meeting_attendance, 4, 0, batch.size(), batch.data());
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const auto b =
                rng.block(DrawPurpose::meeting_attendance, 4, static_cast<std::uint32_t>(i / 4), 0);
            CHECK(batch[i] == single_uniform(b[i % 4]));
        }
    }
}

TEST_CASE("single-precision exponentials are -log of the documented words", "[random]") {
    const RandomStream rng(7, 2);
    for (const std::size_t count : {1030, 37, 4}) {  // several chunks; a partly used last block
        std::vector<float> batch(count);
        rng.single_exponentials(DrawPurpose::partner_exit, 3, 1, batch.size(), batch.data());
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const auto b =
                rng.block(DrawPurpose::partner_exit, 3, static_cast<std::uint32_t>(i / 4), 1);
            CHECK(batch[i] == -portable::log_positive(single_uniform(b[i % 4])));
        }
    }
}

// Sums over partners in the model's order (sim/core/src/machinery/partner_sums.hpp, docs/ODD.md §7
// "Numerics"): eight partials in double precision, partner i into partial i mod 8, combined by
// halving.
#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <vector>

#include "../../sim/core/src/machinery/partner_sums.hpp"
#include "regiosim/core/cache_aligned.hpp"

using namespace regiosim;

namespace {

// The definition, written out: what every instruction set must compute to the bit.
double defined_sum(const Lane& active, const Lane& values) {
    double partial[8] = {};
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (active[i] != 0.0F) {
            partial[i % 8] += static_cast<double>(values[i]);  // in double precision
        }
    }
    double v[4];
    for (std::size_t k = 0; k < 4; ++k) {
        v[k] = partial[k] + partial[k + 4];
    }
    return (v[0] + v[2]) + (v[1] + v[3]);
}

}  // namespace

TEST_CASE("a sum over partners adds in the model's order on every instruction set",
          "[partner_sums][isa]") {
    using model::VectorIsa;
    const VectorIsa best = model::best_vector_isa();
    bool order_shows = false;  // the data below tell the two orders apart: the checks could fail
    for (const std::size_t stride : {8U, 24U, 40U, 304U}) {
        Lane active(stride, 0.0F);
        Lane values(stride, 0.0F);
        Lane other(stride, 0.0F);
        double count = 0.0;
        for (std::size_t i = 0; i < stride; ++i) {
            // Floats summed in double precision are exact unless their magnitudes lie more than
            // about 29 binary orders apart: these span 24 decimal orders, so that the order of the
            // additions shows in the last bits. A third of the partners inactive.
            values[i] = static_cast<float>(std::sqrt(static_cast<double>(i + 2)) *
                                           std::pow(10.0, 4.0 * static_cast<double>(i % 7) - 12.0));
            other[i] = 1.0F / static_cast<float>(i + 3);
            active[i] = i % 3 == 1 ? 0.0F : 1.0F;
            count += active[i];
        }
        const double expected = defined_sum(active, values);
        const double expected_other = defined_sum(active, other);
        // A different order of the same additions gives other bits: the check could fail.
        double in_index_order = 0.0;
        for (std::size_t i = 0; i < stride; ++i) {
            in_index_order += active[i] != 0.0F ? static_cast<double>(values[i]) : 0.0;
        }
        order_shows = order_shows || std::bit_cast<std::uint64_t>(in_index_order) !=
                                         std::bit_cast<std::uint64_t>(expected);
        for (const VectorIsa isa : {VectorIsa::baseline, VectorIsa::avx2, VectorIsa::avx512}) {
            if (isa > best) {
                continue;
            }
            INFO(stride << " lanes, instruction set " << static_cast<int>(isa));
            REQUIRE(model::use_vector_isa(isa) == isa);
            const auto sums = model::sums_over_active<3>(
                active.data(), stride, {values.data(), active.data(), other.data()});
            CHECK(std::bit_cast<std::uint64_t>(sums[0]) == std::bit_cast<std::uint64_t>(expected));
            CHECK(sums[1] == count);  // the active lane summed: a count
            CHECK(std::bit_cast<std::uint64_t>(sums[2]) ==
                  std::bit_cast<std::uint64_t>(expected_other));
        }
    }
    CHECK(order_shows);
    model::use_vector_isa(best);
}

// Fan bands and type-7 quantiles, against values worked out by hand and printed by R.

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "regiosim/analysis/errors.hpp"
#include "regiosim/analysis/fan_band.hpp"
#include "regiosim/analysis/sample_quantile.hpp"

using namespace regiosim::analysis;

namespace {

const std::vector<double> default_p{0.10, 0.25, 0.50, 0.75, 0.90};

}  // namespace

TEST_CASE("fan band: type-7 quantiles of small samples match R's quantile()",
          "[analysis][fan_band]") {
    // Type 7: h = 1 + (n - 1) p, q = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
    // quantile(c(1,2,3,4,10), c(.1,.25,.5,.75,.9)): h = 1.4, 2, 3, 4, 4.6 -> 1.4, 2, 3, 4,
    // 4 + 0.6 * 6 = 7.6.
    const std::vector<double> x{1.0, 2.0, 3.0, 4.0, 10.0};
    const std::vector<double> expected{1.4, 2.0, 3.0, 4.0, 7.6};
    for (std::size_t q = 0; q < default_p.size(); ++q) {
        CHECK(quantile_type7(x, default_p[q]) == Approx(expected[q]).epsilon(1e-14));
    }
    // R 4.2 prints the 90 % quantile as 7.5999999999999979 with options(digits = 17): the
    // (1 - g) x_lo + g x_hi form in R's order of operations, reproduced to the last bit.
    CHECK(quantile_type7(x, 0.9) == 7.5999999999999979);

    // Two values: quantile(c(1,3), p) = 1 + 2 p -> 1.2, 1.5, 2, 2.5, 2.8.
    const std::vector<double> two{1.0, 3.0};
    CHECK(quantile_type7(two, 0.10) == Approx(1.2).epsilon(1e-14));
    CHECK(quantile_type7(two, 0.50) == 2.0);
    CHECK(quantile_type7(two, 0.90) == Approx(2.8).epsilon(1e-14));
    // Ends and single values.
    CHECK(quantile_type7(x, 0.0) == 1.0);
    CHECK(quantile_type7(x, 1.0) == 10.0);
    CHECK(quantile_type7(std::vector<double>{5.0}, 0.3) == 5.0);
    CHECK(std::isnan(quantile_type7(std::vector<double>{}, 0.5)));
    // Infinite values pass through as in R: quantile(c(-Inf,1,2,Inf), c(.1,.5,.9)).
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<double> wide{-inf, 1.0, 2.0, inf};
    CHECK(quantile_type7(wide, 0.1) == -inf);
    CHECK(quantile_type7(wide, 0.5) == 1.5);
    CHECK(quantile_type7(wide, 0.9) == inf);
    CHECK_THROWS_AS(quantile_type7(x, 1.5), InvalidDataError);
    CHECK_THROWS_AS(quantile_type7(x, std::nan("")), InvalidDataError);
}

TEST_CASE("fan band: quantiles per time index from long-format values", "[analysis][fan_band]") {
    // Month 0: {10, 1, 4, 3, 2} (unsorted, interleaved with month 2) -> 1.4, 2, 3, 4, 7.6.
    // Month 1: nothing but a NaN -> count 0, NaN quantiles.
    // Month 2: {-4, 0.3, 2.5, 9.1, -1.2, 7.7, 2.5}; R's quantile gives -2.32, -0.45, 2.5, 5.1,
    // 8.26 (h = 1.6, 2.5, 4, 5.5, 6.4 over the sorted -4, -1.2, 0.3, 2.5, 2.5, 7.7, 9.1).
    const double nan = std::nan("");
    const std::vector<int> t{0, 2, 0, 2, 0, 2, 1, 2, 0, 2, 2, 0, 2};
    const std::vector<double> v{10.0, -4.0, 1.0, 0.3, 4.0, 2.5, nan, 9.1, 3.0, -1.2, 7.7, 2.0, 2.5};
    const FanBand band = fan_band(t, v);
    REQUIRE(band.quantiles.rows() == 3);
    REQUIRE(band.quantiles.cols() == 5);
    CHECK(band.probabilities == default_p);
    CHECK(band.count == std::vector<int>{5, 0, 7});

    const std::vector<double> month0{1.4, 2.0, 3.0, 4.0, 7.6};
    const std::vector<double> month2{-2.32, -0.45, 2.5, 5.1, 8.26};
    for (Eigen::Index q = 0; q < 5; ++q) {
        const auto sq = static_cast<std::size_t>(q);
        CHECK(band.quantiles(0, q) == Approx(month0[sq]).epsilon(1e-14));
        CHECK(std::isnan(band.quantiles(1, q)));
        CHECK(band.quantiles(2, q) == Approx(month2[sq]).epsilon(1e-14));
    }
}

TEST_CASE("fan band: a horizon pads empty months and custom probabilities are kept",
          "[analysis][fan_band]") {
    const std::vector<int> t{1, 1, 1};
    const std::vector<double> v{3.0, 1.0, 2.0};
    const FanBand band = fan_band(t, v, {.probabilities = {0.0, 0.5, 1.0}, .time_count = 4});
    REQUIRE(band.quantiles.rows() == 4);
    CHECK(band.count == std::vector<int>{0, 3, 0, 0});
    CHECK(band.quantiles(1, 0) == 1.0);
    CHECK(band.quantiles(1, 1) == 2.0);
    CHECK(band.quantiles(1, 2) == 3.0);
    CHECK(std::isnan(band.quantiles(0, 1)));
    CHECK(std::isnan(band.quantiles(3, 2)));

    const FanBand empty = fan_band(std::vector<int>{}, std::vector<double>{});
    CHECK(empty.quantiles.rows() == 0);
    CHECK(empty.count.empty());
}

TEST_CASE("fan band: inputs it cannot use are rejected", "[analysis][fan_band]") {
    const std::vector<double> v{1.0, 2.0};
    CHECK_THROWS_AS(fan_band(std::vector<int>{0}, v), InvalidDataError);
    CHECK_THROWS_AS(fan_band(std::vector<int>{0, -1}, v), InvalidDataError);
    CHECK_THROWS_AS(fan_band(std::vector<int>{0, 5}, v, {.time_count = 5}), InvalidDataError);
    CHECK_THROWS_AS(fan_band(std::vector<int>{0, 1}, v, {.probabilities = {0.5, 1.1}}),
                    InvalidDataError);
}

// From unit values to factor values: linear, log, integer.

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "regiosim/design/design_error.hpp"
#include "regiosim/design/factor_range.hpp"
#include "regiosim/design/full_factorial.hpp"

using namespace regiosim::design;

TEST_CASE("design: linear and log ranges map the ends exactly", "[design][range]") {
    const FactorRange linear{.lo = 0.1, .hi = 0.3};
    CHECK(map_unit_value(linear, 0.0) == 0.1);
    CHECK(map_unit_value(linear, 1.0) == 0.3);
    CHECK(map_unit_value(linear, 0.5) == Approx(0.2).epsilon(1e-14));
    CHECK(map_unit_value(linear, -0.5) == 0.1);  // clamped
    CHECK(map_unit_value(linear, 1.5) == 0.3);

    const FactorRange log{.lo = 0.01, .hi = 100.0, .scale = FactorScale::log};
    CHECK(map_unit_value(log, 0.0) == 0.01);
    CHECK(map_unit_value(log, 1.0) == 100.0);
    CHECK(map_unit_value(log, 0.5) == Approx(1.0).epsilon(1e-14));   // geometric midpoint
    CHECK(map_unit_value(log, 0.25) == Approx(0.1).epsilon(1e-14));  // equal ratios per quarter
}

TEST_CASE("design: an integer factor gives each whole number an equal share of the unit interval",
          "[design][range]") {
    const FactorRange count{.lo = 1.0, .hi = 3.0, .integer = true};
    CHECK(map_unit_value(count, 0.0) == 1.0);
    CHECK(map_unit_value(count, 0.33) == 1.0);
    CHECK(map_unit_value(count, 0.34) == 2.0);
    CHECK(map_unit_value(count, 0.66) == 2.0);
    CHECK(map_unit_value(count, 0.67) == 3.0);
    CHECK(map_unit_value(count, 1.0) == 3.0);

    // A factorial grid with one level per whole number hits each value once.
    const Eigen::MatrixXd grid = full_factorial({4});
    const FactorRange four{.lo = 2.0, .hi = 5.0, .integer = true};
    for (Eigen::Index r = 0; r < 4; ++r) {
        CHECK(map_unit_value(four, grid(r, 0)) == 2.0 + static_cast<double>(r));
    }

    const FactorRange log_count{
        .lo = 1.0, .hi = 1000.0, .scale = FactorScale::log, .integer = true};
    CHECK(map_unit_value(log_count, 0.0) == 1.0);
    CHECK(map_unit_value(log_count, 1.0 / 3.0) == 10.0);
    CHECK(map_unit_value(log_count, 1.0) == 1000.0);
}

TEST_CASE("design: map_unit_design maps each column with its own range", "[design][range]") {
    Eigen::MatrixXd unit(2, 2);
    unit << 0.0, 1.0,  //
        0.5, 0.5;
    const std::vector<FactorRange> ranges{{.lo = 10.0, .hi = 20.0},
                                          {.lo = 1.0, .hi = 4.0, .scale = FactorScale::log}};
    const Eigen::MatrixXd values = map_unit_design(unit, ranges);
    CHECK(values(0, 0) == 10.0);
    CHECK(values(0, 1) == 4.0);
    CHECK(values(1, 0) == 15.0);
    CHECK(values(1, 1) == Approx(2.0).epsilon(1e-14));
    CHECK_THROWS_AS(map_unit_design(unit, {ranges[0]}), DesignError);
}

TEST_CASE("design: invalid factor ranges are rejected", "[design][range]") {
    CHECK_THROWS_AS(map_unit_value({.lo = 1.0, .hi = 1.0}, 0.5), DesignError);
    CHECK_THROWS_AS(map_unit_value({.lo = 2.0, .hi = 1.0}, 0.5), DesignError);
    CHECK_THROWS_AS(map_unit_value({.lo = 0.0, .hi = 1.0, .scale = FactorScale::log}, 0.5),
                    DesignError);
    CHECK_THROWS_AS(map_unit_value({.lo = 1.2, .hi = 1.8, .integer = true}, 0.5), DesignError);
    CHECK_THROWS_AS(map_unit_value({.lo = 0.0, .hi = 1.0}, std::nan("")), DesignError);
    CHECK_THROWS_AS(map_unit_value({.lo = 0.0, .hi = INFINITY}, 0.5), DesignError);
}

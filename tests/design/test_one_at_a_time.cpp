// One-at-a-time: a base row, then each factor swept alone.

#include <catch2/catch.hpp>

#include "regiosim/design/design_error.hpp"
#include "regiosim/design/one_at_a_time.hpp"

using namespace regiosim::design;

TEST_CASE("design: one-at-a-time sweeps each factor with the others at the base", "[design][oat]") {
    Eigen::VectorXd base(3);
    base << 0.2, 0.5, 0.9;
    const int levels = 5;
    const OneAtATimeDesign d = one_at_a_time(base, levels);
    REQUIRE(d.points.rows() == 1 + 3 * levels);
    REQUIRE(d.points.cols() == 3);
    REQUIRE(d.moved_factor.size() == static_cast<std::size_t>(d.points.rows()));
    CHECK(d.levels == levels);
    CHECK(d.points.row(0) == base.transpose());
    CHECK(d.moved_factor[0] == -1);
    for (int i = 0; i < 3; ++i) {
        for (int l = 0; l < levels; ++l) {
            const int row = 1 + i * levels + l;
            CHECK(d.moved_factor[static_cast<std::size_t>(row)] == i);
            for (int c = 0; c < 3; ++c) {
                CHECK(d.points(row, c) == (c == i ? l / 4.0 : base(c)));
            }
        }
    }
}

TEST_CASE("design: one-at-a-time rejects bad bases and level counts", "[design][oat]") {
    CHECK_THROWS_AS(one_at_a_time(Eigen::VectorXd(), 3), DesignError);
    CHECK_THROWS_AS(one_at_a_time(Eigen::VectorXd::Constant(2, 1.5), 3), DesignError);
    CHECK_THROWS_AS(one_at_a_time(Eigen::VectorXd::Constant(2, 0.5), 1), DesignError);
}

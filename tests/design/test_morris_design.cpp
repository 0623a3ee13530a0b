// Morris trajectories: one factor per step by exactly ±Δ, on the grid, balanced levels.

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "regiosim/design/design_error.hpp"
#include "regiosim/design/morris_design.hpp"

using namespace regiosim::design;

TEST_CASE("design: Morris delta is p / (2 (p - 1))", "[design][morris]") {
    CHECK(morris_design(2, {.trajectories = 1, .levels = 4, .seed = 1}).delta == 2.0 / 3.0);
    CHECK(morris_design(2, {.trajectories = 1, .levels = 6, .seed = 1}).delta == 0.6);
    CHECK(morris_design(2, {.trajectories = 1, .levels = 2, .seed = 1}).delta == 1.0);
}

TEST_CASE("design: every Morris step moves exactly one factor by exactly the signed delta",
          "[design][morris]") {
    for (const int p : {2, 4, 6, 8}) {
        INFO("levels " << p);
        const int k = 5;
        const MorrisDesign d = morris_design(k, {.trajectories = 40, .levels = p, .seed = 9});
        REQUIRE(d.points.rows() == 40 * (k + 1));
        REQUIRE(d.points.cols() == k);
        REQUIRE(d.step_factor.size() == 40u * k);
        REQUIRE(d.step_delta.size() == 40u * k);

        // On the grid 0, 1/(p-1), …, 1.
        for (Eigen::Index r = 0; r < d.points.rows(); ++r) {
            for (Eigen::Index c = 0; c < k; ++c) {
                const double scaled = d.points(r, c) * (p - 1);
                CHECK(std::abs(scaled - std::round(scaled)) < 1e-12);
                CHECK(d.points(r, c) >= 0.0);
                CHECK(d.points(r, c) <= 1.0);
            }
        }
        for (int t = 0; t < d.trajectories; ++t) {
            std::vector<int> moves(k, 0);
            for (int s = 0; s < k; ++s) {
                const int row = d.trajectory_start(t) + s;
                const auto step = static_cast<std::size_t>(t * k + s);
                const int factor = d.step_factor[step];
                REQUIRE(factor >= 0);
                REQUIRE(factor < k);
                ++moves[static_cast<std::size_t>(factor)];
                CHECK(std::abs(d.step_delta[step]) == d.delta);
                const Eigen::RowVectorXd change = d.points.row(row + 1) - d.points.row(row);
                for (int c = 0; c < k; ++c) {
                    if (c == factor) {
                        CHECK(change(c) == Approx(d.step_delta[step]).margin(1e-12));
                    } else {
                        CHECK(change(c) == 0.0);
                    }
                }
            }
            // Each factor moves once per trajectory.
            CHECK(moves == std::vector<int>(k, 1));
        }
    }
}

TEST_CASE("design: Morris grid levels and directions are balanced", "[design][morris]") {
    // With p = 4 each start value should be one of the 4 levels with probability 1/4: over
    // r k = 6000 factor starts each level count is Binomial(6000, 1/4): mean 1500, sd 33.5;
    // 5 sd = 168. Steps go up with probability 1/2: 6000 steps, sd 38.7, 5 sd = 194.
    const int k = 3;
    const int r = 2000;
    const MorrisDesign d = morris_design(k, {.trajectories = r, .levels = 4, .seed = 2024});
    std::vector<int> level_count(4, 0);
    for (int t = 0; t < r; ++t) {
        for (int c = 0; c < k; ++c) {
            ++level_count[static_cast<std::size_t>(
                std::lround(d.points(d.trajectory_start(t), c) * 3.0))];
        }
    }
    for (const int count : level_count) {
        CHECK(std::abs(count - 1500) < 168);
    }
    int up = 0;
    for (const double delta : d.step_delta) {
        up += delta > 0.0 ? 1 : 0;
    }
    CHECK(std::abs(up - 3000) < 194);
    // Every factor comes first in some trajectory (random orders): probability of missing one
    // is 3 (2/3)^2000, nil.
    std::vector<int> first(k, 0);
    for (int t = 0; t < r; ++t) {
        ++first[static_cast<std::size_t>(d.step_factor[static_cast<std::size_t>(t * k)])];
    }
    for (const int f : first) {
        CHECK(f > 0);
    }
}

TEST_CASE("design: Morris design is deterministic given the seed", "[design][morris]") {
    const MorrisOptions options{.trajectories = 20, .levels = 4, .seed = 5};
    const MorrisDesign a = morris_design(4, options);
    const MorrisDesign b = morris_design(4, options);
    CHECK(a.points == b.points);
    CHECK(a.step_factor == b.step_factor);
    CHECK(a.step_delta == b.step_delta);
    const MorrisDesign c = morris_design(4, {.trajectories = 20, .levels = 4, .seed = 6});
    CHECK(a.points != c.points);
}

TEST_CASE("design: Morris rejects odd grids and empty designs", "[design][morris]") {
    CHECK_THROWS_AS(morris_design(3, {.trajectories = 10, .levels = 5, .seed = 0}), DesignError);
    CHECK_THROWS_AS(morris_design(3, {.trajectories = 10, .levels = 0, .seed = 0}), DesignError);
    CHECK_THROWS_AS(morris_design(3, {.trajectories = 0, .levels = 4, .seed = 0}), DesignError);
    CHECK_THROWS_AS(morris_design(0, {.trajectories = 10, .levels = 4, .seed = 0}), DesignError);
}

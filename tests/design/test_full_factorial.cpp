// Full factorial: every combination once, on the level grid, last factor fastest.

#include <catch2/catch.hpp>
#include <set>
#include <vector>

#include "regiosim/design/design_error.hpp"
#include "regiosim/design/full_factorial.hpp"

using namespace regiosim::design;

TEST_CASE("design: full factorial has one row per combination of levels", "[design][factorial]") {
    const std::vector<int> levels{2, 3, 4};
    const Eigen::MatrixXd points = full_factorial(levels);
    REQUIRE(points.rows() == 2 * 3 * 4);
    REQUIRE(points.cols() == 3);

    // Back to integer levels: every combination appears exactly once.
    std::set<std::vector<int>> seen;
    for (Eigen::Index r = 0; r < points.rows(); ++r) {
        std::vector<int> combination;
        for (Eigen::Index j = 0; j < 3; ++j) {
            const double scaled = points(r, j) * (levels[static_cast<std::size_t>(j)] - 1);
            const int level = static_cast<int>(std::lround(scaled));
            CHECK(scaled == Approx(level).margin(1e-12));  // on the grid
            CHECK(level >= 0);
            CHECK(level < levels[static_cast<std::size_t>(j)]);
            combination.push_back(level);
        }
        seen.insert(combination);
    }
    CHECK(seen.size() == 24);
}

TEST_CASE("design: full factorial levels span 0 to 1 and the last factor varies fastest",
          "[design][factorial]") {
    const Eigen::MatrixXd points = full_factorial({2, 3});
    Eigen::MatrixXd expected(6, 2);
    expected << 0.0, 0.0,  //
        0.0, 0.5,          //
        0.0, 1.0,          //
        1.0, 0.0,          //
        1.0, 0.5,          //
        1.0, 1.0;
    CHECK(points == expected);
}

TEST_CASE("design: full factorial rejects impossible level counts", "[design][factorial]") {
    CHECK_THROWS_AS(full_factorial({}), DesignError);
    CHECK_THROWS_AS(full_factorial({3, 1}), DesignError);
    CHECK_THROWS_AS(full_factorial(std::vector<int>(40, 2)), DesignError);  // 2^40 rows
}

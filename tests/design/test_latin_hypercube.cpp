// Latin hypercube: the Latin property, centring, determinism.

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "regiosim/design/design_error.hpp"
#include "regiosim/design/latin_hypercube.hpp"

using namespace regiosim::design;

namespace {

// Each column, cut into n equal strata, has exactly one point in each.
bool is_latin(const Eigen::MatrixXd& points) {
    const Eigen::Index n = points.rows();
    for (Eigen::Index j = 0; j < points.cols(); ++j) {
        std::vector<int> hits(static_cast<std::size_t>(n), 0);
        for (Eigen::Index i = 0; i < n; ++i) {
            const double x = points(i, j);
            if (!(x > 0.0 && x < 1.0)) {
                return false;
            }
            ++hits[static_cast<std::size_t>(std::floor(x * static_cast<double>(n)))];
        }
        for (const int h : hits) {
            if (h != 1) {
                return false;
            }
        }
    }
    return true;
}

}  // namespace

TEST_CASE("design: each stratum of each Latin hypercube column is hit exactly once",
          "[design][lhs]") {
    for (const int n : {1, 2, 7, 100, 1000}) {
        INFO("n = " << n);
        const Eigen::MatrixXd jittered = latin_hypercube(n, 5, 42);
        CHECK(jittered.rows() == n);
        CHECK(jittered.cols() == 5);
        CHECK(is_latin(jittered));
        CHECK(is_latin(latin_hypercube(n, 5, 42, StratumPosition::centred)));
    }
}

TEST_CASE("design: a centred Latin hypercube is the jittered one moved to stratum midpoints",
          "[design][lhs]") {
    const int n = 50;
    const Eigen::MatrixXd jittered = latin_hypercube(n, 3, 7);
    const Eigen::MatrixXd centred = latin_hypercube(n, 3, 7, StratumPosition::centred);
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < 3; ++j) {
            const double stratum = std::floor(jittered(i, j) * n);
            CHECK(centred(i, j) == (stratum + 0.5) / n);
        }
    }
    // The jitter is real: points are not all at the midpoints.
    CHECK((jittered - centred).cwiseAbs().maxCoeff() > 0.1 / n);
}

TEST_CASE("design: Latin hypercube is deterministic given the seed", "[design][lhs]") {
    CHECK(latin_hypercube(64, 4, 123) == latin_hypercube(64, 4, 123));
    CHECK(latin_hypercube(64, 4, 123) != latin_hypercube(64, 4, 124));
    // Columns are independent permutations, not copies of one another.
    const Eigen::MatrixXd points = latin_hypercube(64, 4, 123, StratumPosition::centred);
    CHECK(points.col(0) != points.col(1));
}

TEST_CASE("design: Latin hypercube columns are not correlated beyond chance", "[design][lhs]") {
    // For independent random permutations the sample correlation has sd ~ 1/sqrt(n - 1) ≈ 0.032
    // at n = 1000; 0.15 is over 4.5 sd, so a failure means the columns are not independent.
    const Eigen::MatrixXd points = latin_hypercube(1000, 3, 2024);
    const Eigen::MatrixXd centred = points.rowwise() - points.colwise().mean();
    const Eigen::MatrixXd cov = centred.transpose() * centred;
    for (Eigen::Index a = 0; a < 3; ++a) {
        for (Eigen::Index b = a + 1; b < 3; ++b) {
            CHECK(std::abs(cov(a, b) / std::sqrt(cov(a, a) * cov(b, b))) < 0.15);
        }
    }
}

TEST_CASE("design: Latin hypercube rejects empty requests", "[design][lhs]") {
    CHECK_THROWS_AS(latin_hypercube(0, 3, 1), DesignError);
    CHECK_THROWS_AS(latin_hypercube(10, 0, 1), DesignError);
}

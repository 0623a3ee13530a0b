// Saltelli design: the A, B, AB_i matrices from a Sobol sequence, and the run order.

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "regiosim/design/design_error.hpp"
#include "regiosim/design/saltelli_design.hpp"

using namespace regiosim::design;

TEST_CASE("design: Saltelli matrices have the documented shapes and lie below 1",
          "[design][saltelli]") {
    const SaltelliDesign d = saltelli_design(128, 4);
    CHECK(d.base_size == 128);
    CHECK(d.factors == 4);
    CHECK(d.a.rows() == 128);
    CHECK(d.a.cols() == 4);
    CHECK(d.b.rows() == 128);
    CHECK(d.b.cols() == 4);
    CHECK(d.points.rows() == 128 * 6);
    CHECK(d.points.cols() == 4);
    CHECK(d.points.minCoeff() >= 0.0);
    CHECK(d.points.maxCoeff() < 1.0);
}

TEST_CASE("design: the Sobol origin is skipped, so the first base row is the centre",
          "[design][saltelli]") {
    // Point 0 of a Sobol sequence is (0, …, 0); the design starts at point 1, (1/2, …, 1/2).
    const SaltelliDesign d = saltelli_design(16, 3);
    CHECK(d.a.row(0) == Eigen::RowVectorXd::Constant(3, 0.5));
    CHECK(d.b.row(0) == Eigen::RowVectorXd::Constant(3, 0.5));
    for (Eigen::Index j = 0; j < d.base_size; ++j) {
        CHECK(d.a.row(j).maxCoeff() > 0.0);
        CHECK(d.b.row(j).maxCoeff() > 0.0);
    }
}

TEST_CASE("design: Saltelli columns are stratified as a Sobol sequence must be",
          "[design][saltelli]") {
    // In every coordinate the first N = 2^m Sobol points from the origin are exactly
    // {0, 1/N, …, (N-1)/N}. Skipping the origin and adding point N leaves 1/N … (N-1)/N plus
    // one more value x in [0, 1), so:
    //  - the mean is ((N-1)/2 + x)/N, within 1/(2N) of 1/2 — for N = 1024 that is 0.00049, while
    //    N independent uniforms would stray by about 1/sqrt(12 N) = 0.009;
    //  - every stratum [i/N, (i+1)/N) with i >= 1 holds one or two points.
    const int n = 1024;
    const SaltelliDesign d = saltelli_design(n, 5);
    for (const Eigen::MatrixXd* m : {&d.a, &d.b}) {
        for (Eigen::Index c = 0; c < m->cols(); ++c) {
            INFO("column " << c);
            CHECK(std::abs(m->col(c).mean() - 0.5) <= 1.0 / (2.0 * n));
            std::vector<int> hits(n, 0);
            for (Eigen::Index j = 0; j < n; ++j) {
                ++hits[static_cast<std::size_t>(std::floor((*m)(j, c) * n))];
            }
            for (std::size_t s = 1; s < hits.size(); ++s) {
                CHECK((hits[s] == 1 || hits[s] == 2));
            }
        }
    }
}

TEST_CASE("design: A and B are different parts of the sequence", "[design][saltelli]") {
    // A and B come from disjoint coordinates of one 2k-dimensional point, so apart from the
    // shared centre row they should not coincide anywhere.
    const SaltelliDesign d = saltelli_design(256, 3);
    int equal_rows = 0;
    for (Eigen::Index j = 0; j < d.base_size; ++j) {
        equal_rows += d.a.row(j) == d.b.row(j) ? 1 : 0;
    }
    CHECK(equal_rows == 1);
}

TEST_CASE("design: AB_i is A with column i from B, and rows follow the layout",
          "[design][saltelli]") {
    const int k = 4;
    const SaltelliDesign d = saltelli_design(64, k);
    for (int j = 0; j < d.base_size; ++j) {
        CHECK(d.points.row(saltelli_row(SaltelliBlock::a, j, -1, k)) == d.a.row(j));
        CHECK(d.points.row(saltelli_row(SaltelliBlock::b, j, -1, k)) == d.b.row(j));
        CHECK(saltelli_row(SaltelliBlock::a, j, -1, k) == j * (k + 2));
        for (int i = 0; i < k; ++i) {
            const Eigen::RowVectorXd ab = d.points.row(saltelli_row(SaltelliBlock::ab, j, i, k));
            CHECK(saltelli_row(SaltelliBlock::ab, j, i, k) == j * (k + 2) + 2 + i);
            for (int c = 0; c < k; ++c) {
                CHECK(ab(c) == (c == i ? d.b(j, c) : d.a(j, c)));
            }
        }
    }
}

TEST_CASE("design: saltelli_point decodes every row and saltelli_row inverts it",
          "[design][saltelli]") {
    const int k = 3;
    const int n = 10;
    int counts[3] = {0, 0, 0};
    for (int r = 0; r < n * (k + 2); ++r) {
        const SaltelliPoint p = saltelli_point(r, k);
        CHECK(p.base_row == r / (k + 2));
        CHECK(saltelli_row(p.block, p.base_row, p.factor, k) == r);
        ++counts[static_cast<int>(p.block)];
        if (p.block == SaltelliBlock::ab) {
            CHECK(p.factor == r % (k + 2) - 2);
        } else {
            CHECK(p.factor == -1);
        }
    }
    CHECK(counts[static_cast<int>(SaltelliBlock::a)] == n);
    CHECK(counts[static_cast<int>(SaltelliBlock::b)] == n);
    CHECK(counts[static_cast<int>(SaltelliBlock::ab)] == n * k);
    CHECK_THROWS_AS(saltelli_point(-1, k), DesignError);
    CHECK_THROWS_AS(saltelli_row(SaltelliBlock::ab, 0, k, k), DesignError);
}

TEST_CASE("design: outputs in run order split back into f(A), f(B), f(AB_i)",
          "[design][saltelli]") {
    const int k = 2;
    const int n = 5;
    // The output of each run is a function of where it came from, so a mix-up shows.
    Eigen::VectorXd outputs(n * (k + 2));
    for (int r = 0; r < outputs.size(); ++r) {
        const SaltelliPoint p = saltelli_point(r, k);
        outputs(r) = 1000.0 * p.base_row + (p.block == SaltelliBlock::a   ? 1.0
                                            : p.block == SaltelliBlock::b ? 2.0
                                                                          : 10.0 + p.factor);
    }
    const SaltelliOutputs split = split_saltelli_outputs(outputs, k);
    REQUIRE(split.a.size() == n);
    REQUIRE(split.b.size() == n);
    REQUIRE(split.ab.rows() == n);
    REQUIRE(split.ab.cols() == k);
    for (int j = 0; j < n; ++j) {
        CHECK(split.a(j) == 1000.0 * j + 1.0);
        CHECK(split.b(j) == 1000.0 * j + 2.0);
        CHECK(split.ab(j, 0) == 1000.0 * j + 10.0);
        CHECK(split.ab(j, 1) == 1000.0 * j + 11.0);
    }
    CHECK_THROWS_AS(split_saltelli_outputs(Eigen::VectorXd::Zero(7), k), DesignError);
    CHECK_THROWS_AS(split_saltelli_outputs(Eigen::VectorXd(), k), DesignError);
}

TEST_CASE("design: Saltelli design is deterministic and rejects impossible sizes",
          "[design][saltelli]") {
    CHECK(saltelli_design(32, 3).points == saltelli_design(32, 3).points);
    // A longer design extends a shorter one: the first rows are the same Sobol points.
    CHECK(saltelli_design(64, 3).a.topRows(32) == saltelli_design(32, 3).a);
    CHECK_THROWS_AS(saltelli_design(0, 3), DesignError);
    CHECK_THROWS_AS(saltelli_design(8, 0), DesignError);
    CHECK_THROWS_AS(saltelli_design(8, 2000), DesignError);  // 4000 Sobol dimensions
}

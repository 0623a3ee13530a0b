#pragma once

#include <Eigen/Dense>

/// @file
/// The Saltelli sampling scheme for variance-based (Sobol) sensitivity indices.
///
/// Two independent N × k matrices A and B are taken from one 2k-dimensional Sobol
/// low-discrepancy sequence (Boost.Random's `sobol`, Joe–Kuo 2008 direction numbers): A from
/// the first k coordinates, B from the last k. AB_i is A with its column i taken from B.
/// The model is run on every row of A, B and each AB_i: N (k + 2) runs in total.
///
/// **Skipped point.** The Sobol sequence starts at the origin (0, …, 0), which is a corner of
/// the hypercube and would pair A_0 = B_0, adding nothing. Boost's generator already leaves it
/// out: its first point is (1/2, …, 1/2). Base row j is therefore point j + 1 of the sequence
/// counted from the origin; no further point is dropped. Choose N a power of two: the first 2^m
/// points after the origin are as evenly spread as Sobol points can be.
///
/// **Row layout of `points`.** For each base row j = 0 … N-1 a block of k + 2 consecutive rows:
///
///     row j (k+2) + 0      A_j
///     row j (k+2) + 1      B_j
///     row j (k+2) + 2 + i  AB_i,j   (A_j with column i from B_j), i = 0 … k-1
///
/// Keeping a base row's runs together means a sweep cut short still has complete base rows to
/// estimate from. saltelli_point() decodes a row index; split_saltelli_outputs() turns outputs
/// in this order into the f(A), f(B), f(AB_i) that analysis::sobol_indices takes.
/// Factor indices are 0-based throughout (the literature's AB_1 is factor 0 here).

namespace regiosim::design {

/// The matrices of a Saltelli design and its run order.
struct SaltelliDesign {
    int base_size = 0;       ///< N
    int factors = 0;         ///< k
    Eigen::MatrixXd a;       ///< N × k
    Eigen::MatrixXd b;       ///< N × k
    Eigen::MatrixXd points;  ///< N (k + 2) × k, in the row layout above
};

/// The Saltelli design with `base_size` base rows over `factors` factors. Deterministic: the
/// Sobol sequence has no seed.
/// @throws DesignError if base_size < 1, factors < 1, 2 × factors exceeds the 3667 dimensions of
/// Boost's direction-number table, or N (k + 2) does not fit in an int.
[[nodiscard]] SaltelliDesign saltelli_design(int base_size, int factors);

/// Which matrix a design point comes from.
enum class SaltelliBlock { a, b, ab };

/// The origin of one row of SaltelliDesign::points.
struct SaltelliPoint {
    SaltelliBlock block = SaltelliBlock::a;
    int base_row = 0;  ///< j
    int factor = -1;   ///< i for AB_i, -1 for A and B
};

/// Decodes row `point_index` of a design over `factors` factors.
/// @throws DesignError if point_index < 0 or factors < 1.
[[nodiscard]] SaltelliPoint saltelli_point(int point_index, int factors);

/// The row of SaltelliDesign::points holding (block, base_row, factor); the inverse of
/// saltelli_point. `factor` is ignored for A and B.
[[nodiscard]] int saltelli_row(SaltelliBlock block, int base_row, int factor, int factors);

/// Model outputs regrouped for the estimators.
struct SaltelliOutputs {
    Eigen::VectorXd a;   ///< f(A), N
    Eigen::VectorXd b;   ///< f(B), N
    Eigen::MatrixXd ab;  ///< f(AB_i) in column i, N × k
};

/// Splits outputs given in the row order of SaltelliDesign::points.
/// @throws DesignError if the length is not a positive multiple of k + 2.
[[nodiscard]] SaltelliOutputs split_saltelli_outputs(const Eigen::VectorXd& outputs, int factors);

}  // namespace regiosim::design

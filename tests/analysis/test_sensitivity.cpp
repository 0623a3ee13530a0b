// Sobol and Morris sensitivity measures on functions whose answers are known analytically.

#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>
#include <vector>

#include "regiosim/analysis/errors.hpp"
#include "regiosim/analysis/morris_indices.hpp"
#include "regiosim/analysis/sobol_indices.hpp"
#include "regiosim/design/morris_design.hpp"
#include "regiosim/design/saltelli_design.hpp"

using namespace regiosim;
using namespace regiosim::analysis;

namespace {

constexpr double pi = std::numbers::pi;
constexpr double ishigami_a = 7.0;
constexpr double ishigami_b = 0.1;

// Ishigami & Homma (1990): f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i ~ U(-pi, pi). The
// design gives unit values u_i; x_i = -pi + 2 pi u_i. One output per design row.
Eigen::VectorXd ishigami(const Eigen::MatrixXd& unit_points) {
    Eigen::VectorXd y(unit_points.rows());
    for (Eigen::Index r = 0; r < unit_points.rows(); ++r) {
        const double x1 = -pi + 2.0 * pi * unit_points(r, 0);
        const double x2 = -pi + 2.0 * pi * unit_points(r, 1);
        const double x3 = -pi + 2.0 * pi * unit_points(r, 2);
        const double s2 = std::sin(x2);
        y(r) = std::sin(x1) + ishigami_a * s2 * s2 + ishigami_b * std::pow(x3, 4) * std::sin(x1);
    }
    return y;
}

// Analytic Sobol indices of the Ishigami function. With x ~ U(-pi, pi):
//   E[sin x] = 0, E[sin^2 x] = 1/2, E[sin^4 x] = 3/8, E[x^4] = pi^4/5, E[x^8] = pi^8/9.
// Conditional expectations:
//   E[f | x1] = sin x1 (1 + b pi^4/5) + a/2          -> V1 = (1 + b pi^4/5)^2 / 2
//   E[f | x2] = a sin^2 x2                           -> V2 = a^2 (3/8 - 1/4) = a^2 / 8
//   E[f | x3] = a/2 (sin x1 averages to 0)           -> V3 = 0
// The only interaction is b sin x1 (x3^4 - pi^4/5), of variance
//   V13 = E[sin^2 x1] b^2 Var(x3^4) = b^2 pi^8 (1/9 - 1/25) / 2 = b^2 pi^8 (1/18 - 1/50),
// and V = V1 + V2 + V13 = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2. So
//   S1 = V1/V = 0.3139, S2 = V2/V = 0.4424, S3 = 0,
//   ST1 = (V1 + V13)/V = 0.5576, ST2 = S2 = 0.4424, ST3 = V13/V = 0.2437.
struct IshigamiTruth {
    double first[3];
    double total[3];
};

IshigamiTruth ishigami_truth() {
    const double a = ishigami_a;
    const double b = ishigami_b;
    const double pi4 = std::pow(pi, 4);
    const double pi8 = std::pow(pi, 8);
    const double v1 = std::pow(1.0 + b * pi4 / 5.0, 2) / 2.0;
    const double v2 = a * a / 8.0;
    const double v13 = b * b * pi8 * (1.0 / 18.0 - 1.0 / 50.0);
    const double v = v1 + v2 + v13;
    return {{v1 / v, v2 / v, 0.0}, {(v1 + v13) / v, v2 / v, v13 / v}};
}

}  // namespace

TEST_CASE("sensitivity: the analytic Ishigami indices are the published values",
          "[sensitivity][sobol]") {
    // Guards the derivation above against a slip: the values quoted in the literature
    // (e.g. Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, sec. 4.6).
    const IshigamiTruth truth = ishigami_truth();
    CHECK(truth.first[0] == Approx(0.3139).margin(5e-5));
    CHECK(truth.first[1] == Approx(0.4424).margin(5e-5));
    CHECK(truth.total[0] == Approx(0.5576).margin(5e-5));
    CHECK(truth.total[1] == Approx(0.4424).margin(5e-5));
    CHECK(truth.total[2] == Approx(0.2437).margin(5e-5));
}

TEST_CASE("sensitivity: Sobol indices of the Ishigami function match the analytic values",
          "[sensitivity][sobol]") {
    const int n = 8192;  // 2^13 base rows, 40960 runs
    const design::SaltelliDesign d = design::saltelli_design(n, 3);
    const design::SaltelliOutputs y = design::split_saltelli_outputs(ishigami(d.points), 3);
    const SobolIndices s =
        sobol_indices(y.a, y.b, y.ab, {.bootstrap_resamples = 500, .conf_level = 0.95, .seed = 1});
    const IshigamiTruth truth = ishigami_truth();

    CHECK(s.base_size == n);
    // V is estimated from 2N quasi-random points; the true variance is 13.8446.
    CHECK(s.variance == Approx(13.8446).epsilon(0.02));
    for (int i = 0; i < 3; ++i) {
        INFO("factor x" << i + 1 << ": S = " << s.first_order(i) << " [" << s.first_lower(i) << ", "
                        << s.first_upper(i) << "], ST = " << s.total_order(i) << " ["
                        << s.total_lower(i) << ", " << s.total_upper(i) << "]");
        // Tolerance 0.02. Treating the rows as independent, the bootstrap puts the standard
        // error of S_i near 0.015 at N = 2^13 (intervals about ±0.03), but the rows are Sobol
        // points, whose error shrinks close to 1/N instead of 1/sqrt(N): the estimates are in
        // fact within about 0.001 of the truth. 0.02 is therefore loose for this design yet
        // tight enough to catch a wrong estimator (swapping Saltelli's S_i for the older
        // Sobol 1993 form, or the variance of f(A) alone, moves S1 or ST1 by more than that).
        CHECK(std::abs(s.first_order(i) - truth.first[i]) < 0.02);
        CHECK(std::abs(s.total_order(i) - truth.total[i]) < 0.02);
        CHECK(s.first_lower(i) <= truth.first[i]);
        CHECK(truth.first[i] <= s.first_upper(i));
        CHECK(s.total_lower(i) <= truth.total[i]);
        CHECK(truth.total[i] <= s.total_upper(i));
        CHECK(s.first_lower(i) <= s.first_order(i));
        CHECK(s.first_order(i) <= s.first_upper(i));
        // Intervals narrow enough to tell the factors apart.
        CHECK(s.first_upper(i) - s.first_lower(i) < 0.1);
        CHECK(s.total_upper(i) - s.total_lower(i) < 0.1);
    }
}

TEST_CASE("sensitivity: Sobol estimators follow their formulas on a hand-computed case",
          "[sensitivity][sobol]") {
    // N = 2, k = 1. Pooled f(A), f(B) = {1, 3, 2, 4}: mean 2.5, V = (2.25+0.25+0.25+2.25)/4 =
    // 1.25. S = mean(f(B) (f(AB) - f(A))) / V = mean(2*1, 4*2) / 1.25 = 4 (an absurd value,
    // as tiny samples give). ST = mean((f(A) - f(AB))^2) / 2 / V = mean(1, 4) / 2 / 1.25 = 1.
    Eigen::VectorXd f_a(2);
    Eigen::VectorXd f_b(2);
    Eigen::MatrixXd f_ab(2, 1);
    f_a << 1.0, 3.0;
    f_b << 2.0, 4.0;
    f_ab << 2.0, 5.0;
    const SobolIndices s = sobol_indices(f_a, f_b, f_ab, {.bootstrap_resamples = 0});
    CHECK(s.variance == 1.25);
    CHECK(s.first_order(0) == 4.0);
    CHECK(s.total_order(0) == 1.0);
    CHECK(std::isnan(s.first_lower(0)));
    CHECK(std::isnan(s.total_upper(0)));
}

TEST_CASE("sensitivity: Sobol bootstrap intervals are deterministic given the seed",
          "[sensitivity][sobol]") {
    const design::SaltelliDesign d = design::saltelli_design(256, 3);
    const design::SaltelliOutputs y = design::split_saltelli_outputs(ishigami(d.points), 3);
    const SobolIndicesOptions options{.bootstrap_resamples = 200, .conf_level = 0.9, .seed = 7};
    const SobolIndices one = sobol_indices(y.a, y.b, y.ab, options);
    const SobolIndices two = sobol_indices(y.a, y.b, y.ab, options);
    CHECK(one.first_lower == two.first_lower);
    CHECK(one.total_upper == two.total_upper);
    SobolIndicesOptions other = options;
    other.seed = 8;
    const SobolIndices three = sobol_indices(y.a, y.b, y.ab, other);
    CHECK(three.first_order == one.first_order);  // the estimate has no randomness
    CHECK(three.first_lower != one.first_lower);
}

TEST_CASE("sensitivity: Sobol indices reject inputs they cannot use", "[sensitivity][sobol]") {
    const Eigen::VectorXd three = Eigen::VectorXd::LinSpaced(3, 0.0, 1.0);
    const Eigen::MatrixXd ab = Eigen::MatrixXd::Ones(3, 2);
    CHECK_THROWS_AS(sobol_indices(three, Eigen::VectorXd::Zero(2), ab), InvalidDataError);
    CHECK_THROWS_AS(sobol_indices(three, three, Eigen::MatrixXd::Ones(2, 2)), InvalidDataError);
    CHECK_THROWS_AS(sobol_indices(three, three, ab, {.conf_level = 1.0}), InvalidDataError);
    Eigen::VectorXd with_nan = three;
    with_nan(1) = std::nan("");
    CHECK_THROWS_AS(sobol_indices(with_nan, three, ab), InvalidDataError);
    const Eigen::VectorXd flat = Eigen::VectorXd::Constant(3, 2.0);
    CHECK_THROWS_AS(sobol_indices(flat, flat, ab), ModelFitError);
}

TEST_CASE("sensitivity: Morris measures of a linear function are its coefficients",
          "[sensitivity][morris]") {
    // f(u) = sum c_i u_i changes by c_i Δ when u_i moves by Δ, whatever the other factors:
    // every elementary effect of factor i is c_i, so μ = c_i, μ* = |c_i|, σ = 0 (up to the
    // rounding of the grid values, 1e-12).
    const std::vector<double> c{2.0, -3.0, 0.5, 0.0};
    const design::MorrisDesign d =
        design::morris_design(4, {.trajectories = 25, .levels = 6, .seed = 11});
    Eigen::VectorXd y(d.points.rows());
    for (Eigen::Index r = 0; r < y.size(); ++r) {
        y(r) = 1.0;
        for (Eigen::Index i = 0; i < 4; ++i) {
            y(r) += c[static_cast<std::size_t>(i)] * d.points(r, i);
        }
    }
    const MorrisIndices m = morris_indices(y, d.step_factor, d.step_delta, 4);
    for (int i = 0; i < 4; ++i) {
        INFO("factor " << i);
        CHECK(m.effects[static_cast<std::size_t>(i)] == 25);
        CHECK(m.mu(i) == Approx(c[static_cast<std::size_t>(i)]).margin(1e-12));
        CHECK(m.mu_star(i) == Approx(std::abs(c[static_cast<std::size_t>(i)])).margin(1e-12));
        CHECK(m.sigma(i) == Approx(0.0).margin(1e-12));
        CHECK(std::isnan(m.mu_star_lower(i)));  // no bootstrap asked for
    }
}

TEST_CASE("sensitivity: Morris measures of the Ishigami function match their expectations",
          "[sensitivity][morris]") {
    // On the p = 4 grid, x takes -pi, -pi/3, pi/3, pi and every step (Δ = 2/3 in unit scale)
    // joins -pi with pi/3 or -pi/3 with pi. Every other factor is at each grid value with
    // probability 1/4 (the design test checks that balance). Elementary effects, per unit:
    //  x1: |Δ sin x1| = sqrt(3)/2 on both pairs, always of the sign of the move, times
    //      (1 + b x3^4) with x3^4 = pi^4 or pi^4/81:  μ1 = μ*1 = sqrt(3)/2 (1 + b pi^4 (82/81)/2)/Δ
    //      = 7.704; each effect is 13.95 or 1.46 with probability 1/2: sd 6.25.
    //  x2: |Δ sin^2 x2| = 3/4 always: every |effect| is a (3/4)/Δ = 7.875 exactly; signs
    //      cancel, μ2 = 0 in expectation, σ2 = 7.875.
    //  x3: |Δ x3^4| = pi^4 (80/81) always, times b |sin x1|, which is 0 or sqrt(3)/2:
    //      μ*3 = b pi^4 (80/81) (sqrt(3)/4) / Δ = 6.249; each |effect| 12.50 or 0 (sd 6.25);
    //      μ3 = 0 in expectation.
    // So x3, which has first-order index 0, screens nearly as important as x1 and x2: μ* sees
    // its interaction with x1 (ST3 = 0.24), which is what Morris is for. With r = 4000 the
    // standard error of μ*1 and μ*3 is 6.25/sqrt(4000) = 0.099; tolerances are 4 SE = 0.4.
    const int r = 4000;
    const design::MorrisDesign d =
        design::morris_design(3, {.trajectories = r, .levels = 4, .seed = 2024});
    const MorrisIndices m = morris_indices(ishigami(d.points), d.step_factor, d.step_delta, 3,
                                           {.bootstrap_resamples = 500, .seed = 3});
    const double delta = 2.0 / 3.0;
    const double mu_star_1 =
        std::sqrt(3.0) / 2.0 * (1.0 + ishigami_b * std::pow(pi, 4) * (82.0 / 81.0) / 2.0) / delta;
    const double mu_star_2 = ishigami_a * 0.75 / delta;
    const double mu_star_3 =
        ishigami_b * std::pow(pi, 4) * (80.0 / 81.0) * std::sqrt(3.0) / 4.0 / delta;
    CHECK(mu_star_1 == Approx(7.704).margin(1e-3));
    CHECK(mu_star_2 == 7.875);
    CHECK(mu_star_3 == Approx(6.249).margin(1e-3));

    INFO("mu* = " << m.mu_star.transpose() << ", mu = " << m.mu.transpose()
                  << ", sigma = " << m.sigma.transpose());
    CHECK(m.effects == std::vector<int>{r, r, r});
    CHECK(std::abs(m.mu_star(0) - mu_star_1) < 0.4);
    CHECK(m.mu(0) == Approx(m.mu_star(0)).epsilon(1e-12));   // every x1 effect is positive
    CHECK(m.mu_star(1) == Approx(mu_star_2).epsilon(1e-9));  // every |x2 effect| is 7.875
    CHECK(m.sigma(1) == Approx(mu_star_2).epsilon(0.01));
    // μ2 is a mean of ±7.875: SE 0.125, 4 SE = 0.5. μ3 mixes ±12.5 and 0: SE 0.14, 4 SE = 0.56.
    CHECK(std::abs(m.mu(1)) < 0.5);
    CHECK(std::abs(m.mu_star(2) - mu_star_3) < 0.4);
    CHECK(std::abs(m.mu(2)) < 0.56);
    // Ranking: x3 below x1 and x2 (gaps of 1.45 and 1.63, over 10 SE), yet far from negligible.
    // x1 and x2 are 0.17 apart (under 2 SE), so their order is not tested.
    CHECK(m.mu_star(2) < m.mu_star(0));
    CHECK(m.mu_star(2) < m.mu_star(1));
    CHECK(m.mu_star(2) > 0.7 * m.mu_star(1));
    // The bootstrap interval on μ* covers the expectation.
    for (int i = 0; i < 3; ++i) {
        const double truth = i == 0 ? mu_star_1 : i == 1 ? mu_star_2 : mu_star_3;
        CHECK(m.mu_star_lower(i) <= truth);
        CHECK(truth <= m.mu_star_upper(i));
    }
}

TEST_CASE("sensitivity: Morris measures from effects handle sparse factors",
          "[sensitivity][morris]") {
    // Effects 1, 3, -2 for factor 0 and one effect for factor 1; none for factor 2.
    const std::vector<double> effect{1.0, 3.0, 5.0, -2.0};
    const std::vector<int> factor{0, 0, 1, 0};
    const MorrisIndices m = morris_indices_from_effects(effect, factor, 3);
    CHECK(m.effects == std::vector<int>{3, 1, 0});
    CHECK(m.mu(0) == Approx(2.0 / 3.0));
    CHECK(m.mu_star(0) == 2.0);
    // sd of {1, 3, -2}: mean 2/3, squares 1/9 + 49/9 + 64/9 = 114/9, / 2 = 57/9.
    CHECK(m.sigma(0) == Approx(std::sqrt(57.0 / 9.0)));
    CHECK(m.mu(1) == 5.0);
    CHECK(std::isnan(m.sigma(1)));  // one effect: no sample sd
    CHECK(std::isnan(m.mu(2)));
    CHECK(std::isnan(m.mu_star(2)));
    CHECK_THROWS_AS(morris_indices_from_effects(effect, std::vector<int>{0, 0, 3, 0}, 3),
                    InvalidDataError);
    CHECK_THROWS_AS(morris_indices(Eigen::VectorXd::Zero(5), std::vector<int>{0, 1},
                                   std::vector<double>{0.5, 0.5}, 2),
                    InvalidDataError);
    CHECK_THROWS_AS(morris_indices(Eigen::VectorXd::Zero(3), std::vector<int>{0, 1},
                                   std::vector<double>{0.5, 0.0}, 2),
                    InvalidDataError);
}

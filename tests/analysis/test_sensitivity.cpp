// Sobol and Morris sensitivity measures on functions whose answers are known analytically;
// partial rank correlations against R and on functions whose answers are known.

#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>
#include <vector>

#include "regiosim/analysis/errors.hpp"
#include "regiosim/analysis/morris_indices.hpp"
#include "regiosim/analysis/partial_rank_correlation.hpp"
#include "regiosim/analysis/sobol_indices.hpp"
#include "regiosim/design/full_factorial.hpp"
#include "regiosim/design/latin_hypercube.hpp"
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

namespace {

// A hand-made data set with ties in a factor (x2, three levels) and in the output (47 twice).
Eigen::MatrixXd prcc_reference_factors() {
    Eigen::MatrixXd x(12, 3);
    x.col(0) << 0.12, 0.55, 0.31, 0.87, 0.55, 0.02, 0.68, 0.44, 0.93, 0.21, 0.76, 0.39;
    x.col(1) << 3, 1, 2, 2, 3, 1, 1, 3, 2, 1, 3, 2;
    x.col(2) << 10.5, 7.1, 8.8, 12.0, 9.9, 6.4, 11.2, 7.7, 10.1, 8.0, 6.9, 9.3;
    return x;
}

Eigen::VectorXd prcc_reference_output() {
    Eigen::VectorXd y(12);
    y << 41, 30, 35, 52, 47, 20, 44, 39, 58, 25, 47, 33;
    return y;
}

}  // namespace

TEST_CASE("sensitivity: average ranks share tied positions as R's rank() does",
          "[sensitivity][prcc]") {
    // R 4.2: rank(c(3, 1, 2, 2, 3, 1, 1, 3, 2, 1, 3, 2)) and rank(y) of the data set above.
    Eigen::VectorXd x2_ranks(12);
    x2_ranks << 10.5, 2.5, 6.5, 6.5, 10.5, 2.5, 2.5, 10.5, 6.5, 2.5, 10.5, 6.5;
    Eigen::VectorXd y_ranks(12);
    y_ranks << 7.0, 3.0, 5.0, 11.0, 9.5, 1.0, 8.0, 6.0, 12.0, 2.0, 9.5, 4.0;
    CHECK(average_ranks(prcc_reference_factors().col(1)) == x2_ranks);
    CHECK(average_ranks(prcc_reference_output()) == y_ranks);
}

TEST_CASE("sensitivity: partial rank correlations match R on a data set with ties",
          "[sensitivity][prcc]") {
    // Computed by R 4.2 (base R only; analysis/reference/prcc_reference.R prints them), not
    // copied from this code:
    //   R <- data.frame(x1 = rank(x1), x2 = rank(x2), x3 = rank(x3)); ry <- rank(y)
    //   n <- 12; k <- 3
    //   for (j in 1:k) {
    //     others <- as.matrix(R[, -j])
    //     r <- cor(residuals(lm(R[, j] ~ others)), residuals(lm(ry ~ others)))
    //     z <- atanh(r); h <- qnorm(0.975) / sqrt(n - k - 2)
    //     t <- r * sqrt((n - k - 1) / (1 - r^2))
    //     print(c(r, tanh(z - h), tanh(z + h), 2 * pt(-abs(t), n - k - 1)))
    //   }
    // with x1, x2, x3, y as in prcc_reference_factors() and prcc_reference_output().
    const double r_prcc[3] = {0.908646050312058, 0.829862664665679, 0.757822347734054};
    const double r_lower[3] = {0.652079010464523, 0.419346121511914, 0.245184646234330};
    const double r_upper[3] = {0.978477870391048, 0.958611326575105, 0.939277294883323};
    const double r_p[3] = {0.000272561554996202, 0.00296919285032536, 0.0111017768705898};
    const PartialRankCorrelation c =
        partial_rank_correlation(prcc_reference_factors(), prcc_reference_output());
    CHECK(c.samples == 12);
    for (int j = 0; j < 3; ++j) {
        INFO("factor x" << j + 1);
        CHECK(c.prcc(j) == Approx(r_prcc[j]).epsilon(1e-10));
        CHECK(c.lower(j) == Approx(r_lower[j]).epsilon(1e-10));
        CHECK(c.upper(j) == Approx(r_upper[j]).epsilon(1e-10));
        CHECK(c.p_value(j) == Approx(r_p[j]).epsilon(1e-8));
    }
}

TEST_CASE("sensitivity: with one factor the PRCC is Spearman's correlation with its R test",
          "[sensitivity][prcc]") {
    // Nothing to partial out: the PRCC is cor(rank(x), rank(y)), and its interval and test are
    // those of R's cor.test(rank(x2), rank(y)) (Fisher z with n - 3, t with n - 2): R 4.2 gives
    // 0.533113989983183, 95 % CI -0.058767984649102 to 0.847667510122965, p 0.0742941278310313.
    const Eigen::MatrixXd x2 = prcc_reference_factors().col(1);
    const PartialRankCorrelation c = partial_rank_correlation(x2, prcc_reference_output());
    CHECK(c.prcc(0) == Approx(0.533113989983183).epsilon(1e-10));
    CHECK(c.lower(0) == Approx(-0.058767984649102).epsilon(1e-10));
    CHECK(c.upper(0) == Approx(0.847667510122965).epsilon(1e-10));
    CHECK(c.p_value(0) == Approx(0.0742941278310313).epsilon(1e-8));
}

TEST_CASE("sensitivity: a monotone function of one factor has PRCC 1 for it",
          "[sensitivity][prcc]") {
    // y = exp(3 u1) orders the points exactly as u1 does, so rank(y) = rank(u1) and the two
    // residuals are the same vector. The other factors then have nothing of y left to explain
    // once u1 is partialled out: their coefficient is undefined (NaN), not 0.
    const Eigen::MatrixXd u = design::latin_hypercube(50, 3, 17);
    const Eigen::VectorXd y = (3.0 * u.col(0)).array().exp().matrix();
    const PartialRankCorrelation c = partial_rank_correlation(u, y);
    CHECK(c.prcc(0) == Approx(1.0).margin(1e-12));
    CHECK(c.lower(0) == Approx(1.0).margin(1e-12));
    CHECK(c.upper(0) == Approx(1.0).margin(1e-12));
    CHECK(c.p_value(0) == Approx(0.0).margin(1e-12));
    CHECK(std::isnan(c.prcc(1)));
    CHECK(std::isnan(c.prcc(2)));
    // A decreasing transform flips the sign and nothing else; so does a monotone transform of
    // the factor (ranks are all PRCC sees).
    Eigen::MatrixXd logged = u;
    logged.col(0) = (u.col(0).array() + 0.01).log().matrix();
    const PartialRankCorrelation flipped = partial_rank_correlation(logged, -y);
    CHECK(flipped.prcc(0) == Approx(-1.0).margin(1e-12));
}

TEST_CASE("sensitivity: PRCC signs an increasing and a decreasing factor and clears an inert one",
          "[sensitivity][prcc]") {
    // y = 2 u1 - u2 + 0.5 e, u3 inert, e a fourth column of the hypercube (uniform noise
    // independent of the factors). Seed fixed; with n = 100 the true PRCCs, about 0.96 for u1
    // and -0.8 for u2, are many standard errors (1/sqrt(94) = 0.10 in z) away from 0.
    const Eigen::MatrixXd u = design::latin_hypercube(100, 4, 23);
    const Eigen::VectorXd y = 2.0 * u.col(0) - u.col(1) + 0.5 * u.col(3);
    const PartialRankCorrelation c = partial_rank_correlation(u.leftCols(3), y);
    INFO("PRCC " << c.prcc.transpose() << ", lower " << c.lower.transpose() << ", upper "
                 << c.upper.transpose() << ", p " << c.p_value.transpose());
    CHECK(c.prcc(0) > 0.8);
    CHECK(c.lower(0) > 0.0);
    CHECK(c.prcc(1) < -0.5);
    CHECK(c.upper(1) < 0.0);
    CHECK(c.p_value(1) < 1e-6);
    CHECK(c.lower(2) < 0.0);
    CHECK(0.0 < c.upper(2));
    CHECK(c.p_value(2) > 0.05);
    for (int j = 0; j < 3; ++j) {
        CHECK(c.lower(j) <= c.prcc(j));
        CHECK(c.prcc(j) <= c.upper(j));
    }
}

TEST_CASE("sensitivity: PRCC intervals of an inert factor cover 0 at their nominal rate",
          "[sensitivity][prcc]") {
    // 4000 small hypercubes (n = 20, k = 3) whose output is pure noise: every true PRCC is 0.
    // A 95 % interval should miss 0 in about 5 % of them, and p < 0.05 about as often (the
    // Fisher interval and the t-test are both approximations for ranks; an R simulation of
    // the same set-up, 4000 sets, analysis/reference/prcc_reference.R, gives 5.3 % for
    // both). Binomial standard error of a rate
    // near 5 %: sqrt(0.05 * 0.95 / 4000) = 0.0034; the bounds allow 0.012, about 3.5 of them.
    // The usual slips fall outside: in that R simulation, z with 1/sqrt(n - 2) or
    // 1/sqrt(n - 3), as if nothing were partialled out, misses 7.3 % and 6.5 %, and
    // cor.test on the residuals (t with n - 2 df) rejects in 6.5 %.
    const int sets = 4000;
    int missed = 0;
    int significant = 0;
    for (int s = 0; s < sets; ++s) {
        const Eigen::MatrixXd u = design::latin_hypercube(20, 4, 1000 + static_cast<unsigned>(s));
        const PartialRankCorrelation c = partial_rank_correlation(u.leftCols(3), u.col(3));
        missed += (c.lower(0) > 0.0 || c.upper(0) < 0.0) ? 1 : 0;
        significant += c.p_value(0) < 0.05 ? 1 : 0;
    }
    const double miss_rate = static_cast<double>(missed) / sets;
    const double significant_rate = static_cast<double>(significant) / sets;
    INFO("missed " << miss_rate << ", p < 0.05 in " << significant_rate);
    CHECK(std::abs(miss_rate - 0.05) < 0.012);
    CHECK(std::abs(significant_rate - 0.05) < 0.012);
}

TEST_CASE("sensitivity: PRCC in a full factorial is exactly 0 for a factor y does not read",
          "[sensitivity][prcc]") {
    // 4 x 4 x 3 levels, every factor tied within its levels. y = exp(u1) - u2^2 depends on u1
    // and u2 only; every (u1, u2) combination appears once at each level of u3, so u3's centred
    // ranks are orthogonal to every function of (u1, u2): its PRCC is 0 up to rounding.
    const Eigen::MatrixXd u = design::full_factorial({4, 4, 3});
    const Eigen::VectorXd y = u.col(0).array().exp().matrix() - u.col(1).array().square().matrix();
    const PartialRankCorrelation c = partial_rank_correlation(u, y);
    INFO("PRCC " << c.prcc.transpose());
    CHECK(c.prcc(0) > 0.9);
    CHECK(c.prcc(1) < -0.5);
    CHECK(c.prcc(2) == Approx(0.0).margin(1e-12));
    CHECK(c.p_value(2) == Approx(1.0).margin(1e-9));
}

TEST_CASE("sensitivity: PRCC rejects inputs it cannot use", "[sensitivity][prcc]") {
    const Eigen::MatrixXd u = design::latin_hypercube(10, 3, 5);
    const Eigen::VectorXd y = u.col(0);
    CHECK_THROWS_AS(partial_rank_correlation(u, y.head(9)), InvalidDataError);
    CHECK_THROWS_AS(partial_rank_correlation(u.topRows(5), y.head(5)), InvalidDataError);
    CHECK_NOTHROW(partial_rank_correlation(u.topRows(6), y.head(6)));
    CHECK_THROWS_AS(partial_rank_correlation(Eigen::MatrixXd(10, 0), y), InvalidDataError);
    CHECK_THROWS_AS(partial_rank_correlation(u, y, {.conf_level = 0.0}), InvalidDataError);
    Eigen::VectorXd with_nan = y;
    with_nan(4) = std::nan("");
    CHECK_THROWS_AS(partial_rank_correlation(u, with_nan), InvalidDataError);
    CHECK_THROWS_AS(partial_rank_correlation(u, Eigen::VectorXd::Constant(10, 3.0)), ModelFitError);
    // A constant factor has no ranks to correlate: NaN for it, the others still defined.
    Eigen::MatrixXd with_constant = u;
    with_constant.col(2).setConstant(0.5);
    const Eigen::VectorXd noisy = u.col(0) + 0.3 * u.col(2);
    const PartialRankCorrelation c = partial_rank_correlation(with_constant, noisy);
    CHECK(std::isnan(c.prcc(2)));
    CHECK(std::isfinite(c.prcc(0)));
}

// RandomStream (counter-based Philox) and derive_seed.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

#include "regiosim/core/random.hpp"

using namespace regiosim;

namespace {

constexpr double z999 = 3.2905;  // two-sided 99.9 % normal quantile
constexpr int draws = 100000;

// What the laws of a batch of draws are checked on: the mean, the second moment about zero and
// the share of the draws for which `in_event` holds.
struct Sample {
    double mean = 0.0;
    double second_moment = 0.0;
    double share = 0.0;

    [[nodiscard]] double variance() const { return second_moment - mean * mean; }
};

template <class Event>
Sample summarise(const std::vector<float>& x, Event in_event) {
    Sample s;
    int hits = 0;
    for (const float v : x) {
        s.mean += v;
        s.second_moment += static_cast<double>(v) * v;
        hits += in_event(v) ? 1 : 0;
    }
    const auto n = static_cast<double>(x.size());
    s.mean /= n;
    s.second_moment /= n;
    s.share = hits / n;
    return s;
}

// A share of n draws within the 99.9 % binomial interval around p.
bool share_near(double share, double p, double n) {
    return std::abs(share - p) < z999 * std::sqrt(p * (1.0 - p) / n);
}

}  // namespace

TEST_CASE("a draw is a pure function of its coordinates", "[random]") {
    const RandomStream a(12345, 7);
    const RandomStream b(12345, 7);
    for (std::uint32_t month = 0; month < 24; ++month) {
        for (std::uint32_t index = 0; index < 16; ++index) {
            CHECK(a.uniform(DrawPurpose::partner_exit, month, index) ==
                  b.uniform(DrawPurpose::partner_exit, month, index));
            CHECK(a.normal(DrawPurpose::initial_state, month, index, 3) ==
                  b.normal(DrawPurpose::initial_state, month, index, 3));
        }
    }
    // Asking in a different order, or asking twice, changes nothing: there is no hidden state.
    const double first = a.uniform(DrawPurpose::business_cycle, 5, 0);
    (void)a.uniform(DrawPurpose::business_cycle, 4, 0);
    (void)a.normal(DrawPurpose::business_cycle, 5, 0);
    CHECK(a.uniform(DrawPurpose::business_cycle, 5, 0) == first);
    CHECK(a.seed() == 12345);
    CHECK(a.run_index() == 7);
}

TEST_CASE("different run index, purpose, month, index or sub give different draws", "[random]") {
    const RandomStream base(99, 0);
    const double u = base.uniform(DrawPurpose::key_figure_departure, 10, 3, 0);
    CHECK(RandomStream(99, 1).uniform(DrawPurpose::key_figure_departure, 10, 3, 0) != u);
    CHECK(RandomStream(98, 0).uniform(DrawPurpose::key_figure_departure, 10, 3, 0) != u);
    CHECK(base.uniform(DrawPurpose::partner_exit, 10, 3, 0) != u);
    CHECK(base.uniform(DrawPurpose::key_figure_departure, 11, 3, 0) != u);
    CHECK(base.uniform(DrawPurpose::key_figure_departure, 10, 4, 0) != u);
    CHECK(base.uniform(DrawPurpose::key_figure_departure, 10, 3, 1) != u);

    // Whole streams differ, not only one value: 1000 draws of run 0 and run 1 share none.
    std::set<double> run0;
    for (std::uint32_t i = 0; i < 1000; ++i) {
        run0.insert(base.uniform(DrawPurpose::small_success, i, 0));
    }
    const RandomStream other(99, 1);
    int shared = 0;
    for (std::uint32_t i = 0; i < 1000; ++i) {
        shared += run0.count(other.uniform(DrawPurpose::small_success, i, 0)) > 0 ? 1 : 0;
    }
    CHECK(shared == 0);
    CHECK(run0.size() == 1000);
}

TEST_CASE("uniform draws lie in (0,1) with mean 1/2 and variance 1/12", "[random]") {
    const RandomStream rng(2024, 3);
    double sum = 0.0;
    double sum_sq = 0.0;
    double lo = 1.0;
    double hi = 0.0;
    int below_tenth = 0;
    for (int k = 0; k < draws; ++k) {
        const double u =
            rng.uniform(DrawPurpose::meeting_attendance, static_cast<std::uint32_t>(k / 100),
                        static_cast<std::uint32_t>(k % 100));
        sum += u;
        sum_sq += u * u;
        lo = std::min(lo, u);
        hi = std::max(hi, u);
        below_tenth += u < 0.1 ? 1 : 0;
    }
    CHECK(lo > 0.0);
    CHECK(hi < 1.0);
    const double n = draws;
    const double mean = sum / n;
    const double var = sum_sq / n - mean * mean;
    // SE of the mean: sqrt(1/12/n); SE of the variance: sqrt((mu4 - sigma^4)/n), mu4 = 1/80.
    CHECK(std::abs(mean - 0.5) < z999 * std::sqrt(1.0 / 12.0 / n));
    CHECK(std::abs(var - 1.0 / 12.0) < z999 * std::sqrt((1.0 / 80.0 - 1.0 / 144.0) / n));
    // The lowest decile holds 10 % of the draws (binomial CI).
    CHECK(std::abs(below_tenth / n - 0.1) < z999 * std::sqrt(0.1 * 0.9 / n));
}

TEST_CASE("normal draws have mean 0 and standard deviation 1", "[random]") {
    const RandomStream rng(77, 0);
    double sum = 0.0;
    double sum_sq = 0.0;
    int beyond_two = 0;
    for (int k = 0; k < draws; ++k) {
        const double x =
            rng.normal(DrawPurpose::partner_heterogeneity, 0, static_cast<std::uint32_t>(k));
        sum += x;
        sum_sq += x * x;
        beyond_two += std::abs(x) > 1.959964 ? 1 : 0;
    }
    const double n = draws;
    const double mean = sum / n;
    const double var = sum_sq / n - mean * mean;
    CHECK(std::abs(mean) < z999 / std::sqrt(n));
    // Var of the sample variance of a normal is 2/n.
    CHECK(std::abs(var - 1.0) < z999 * std::sqrt(2.0 / n));
    CHECK(std::abs(beyond_two / n - 0.05) < z999 * std::sqrt(0.05 * 0.95 / n));
}

TEST_CASE("the two normals of a Box-Muller pair are standard and uncorrelated", "[random]") {
    const RandomStream rng(78, 1);
    double sum[2] = {0.0, 0.0};
    double sum_sq[2] = {0.0, 0.0};
    double cross = 0.0;
    int beyond_two = 0;
    for (int k = 0; k < draws; ++k) {
        const auto [x, y] =
            rng.normal_pair(DrawPurpose::initial_state, 0, static_cast<std::uint32_t>(k / 100),
                            static_cast<std::uint32_t>(k % 100));
        sum[0] += x;
        sum[1] += y;
        sum_sq[0] += x * x;
        sum_sq[1] += y * y;
        cross += x * y;
        beyond_two += std::abs(y) > 1.959964 ? 1 : 0;
    }
    const double n = draws;
    for (int v = 0; v < 2; ++v) {
        const double mean = sum[v] / n;
        CHECK(std::abs(mean) < z999 / std::sqrt(n));
        CHECK(std::abs(sum_sq[v] / n - mean * mean - 1.0) < z999 * std::sqrt(2.0 / n));
    }
    // For independent standard normals E[xy] = 0 with variance 1/n.
    CHECK(std::abs(cross / n) < z999 / std::sqrt(n));
    CHECK(std::abs(beyond_two / n - 0.05) < z999 * std::sqrt(0.05 * 0.95 / n));
}

TEST_CASE("exponential draws have mean 1, variance 1 and the exponential tail", "[random]") {
    const RandomStream rng(79, 2);
    double sum = 0.0;
    double sum_sq = 0.0;
    int beyond_one = 0;
    for (int k = 0; k < draws; ++k) {
        const double e =
            rng.exponential(DrawPurpose::partner_exit, static_cast<std::uint32_t>(k), 0);
        REQUIRE(e > 0.0);
        sum += e;
        sum_sq += e * e;
        beyond_one += e > 1.0 ? 1 : 0;
    }
    const double n = draws;
    const double mean = sum / n;
    CHECK(std::abs(mean - 1.0) < z999 / std::sqrt(n));  // Var E = 1
    // Var of the sample second moment: E[e^4] - E[e^2]^2 = 24 - 4 = 20.
    CHECK(std::abs(sum_sq / n - 2.0) < z999 * std::sqrt(20.0 / n));
    const double tail = std::exp(-1.0);
    CHECK(std::abs(beyond_one / n - tail) < z999 * std::sqrt(tail * (1.0 - tail) / n));
}

TEST_CASE("single-precision normals are standard, and the four of a block uncorrelated",
          "[random]") {
    const RandomStream rng(80, 3);
    std::vector<float> z(draws);
    rng.single_normals(DrawPurpose::initial_state, 0, 0, z.size(), z.data());
    const double n = draws;
    const Sample sample = summarise(z, [](float x) { return std::abs(x) > 1.959964F; });
    CHECK(std::abs(sample.mean) < z999 / std::sqrt(n));
    CHECK(std::abs(sample.variance() - 1.0) < z999 * std::sqrt(2.0 / n));
    CHECK(share_near(sample.share, 0.05, n));
    // Within a block: the two of a Box-Muller pair (lanes 0 and 1), and the two pairs (0 and 2,
    // 1 and 3); E[xy] = 0 with variance 1/blocks for independent standard normals.
    const double blocks = n / 4;
    for (const auto& [first, second] : {std::pair{0, 1}, {0, 2}, {1, 3}, {2, 3}}) {
        double cross = 0.0;
        for (std::size_t k = 0; k + 3 < z.size(); k += 4) {
            cross += static_cast<double>(z[k + first]) * z[k + second];
        }
        CHECK(std::abs(cross / blocks) < z999 / std::sqrt(blocks));
    }
}

TEST_CASE("single-precision uniforms lie in (0,1) with mean 1/2 and variance 1/12", "[random]") {
    const RandomStream rng(82, 5);
    std::vector<float> u(draws);
    rng.single_uniforms(DrawPurpose::meeting_attendance, 3, 0, u.size(), u.data());
    for (const float x : u) {
        REQUIRE(x > 0.0F);
        REQUIRE(x < 1.0F);
    }
    const double n = draws;
    const Sample sample = summarise(u, [](float x) { return x < 0.1F; });
    CHECK(std::abs(sample.mean - 0.5) < z999 * std::sqrt(1.0 / 12.0 / n));
    CHECK(std::abs(sample.variance() - 1.0 / 12.0) <
          z999 * std::sqrt((1.0 / 80.0 - 1.0 / 144.0) / n));
    CHECK(share_near(sample.share, 0.1, n));
}

TEST_CASE("single-precision exponentials have mean 1, variance 1 and the exponential tail",
          "[random]") {
    const RandomStream rng(81, 2);
    std::vector<float> e(draws);
    rng.single_exponentials(DrawPurpose::partner_exit, 0, 0, e.size(), e.data());
    for (const float x : e) {
        REQUIRE(x > 0.0F);
    }
    const double n = draws;
    const Sample sample = summarise(e, [](float x) { return x > 1.0F; });
    CHECK(std::abs(sample.mean - 1.0) < z999 / std::sqrt(n));  // Var E = 1
    // Var of the sample second moment: E[e^4] - E[e^2]^2 = 24 - 4 = 20.
    CHECK(std::abs(sample.second_moment - 2.0) < z999 * std::sqrt(20.0 / n));
    CHECK(share_near(sample.share, std::exp(-1.0), n));
}

TEST_CASE("bernoulli(p) is true at rate p", "[random]") {
    const RandomStream rng(5, 5);
    int hits = 0;
    for (int k = 0; k < draws; ++k) {
        hits +=
            rng.bernoulli(0.3, DrawPurpose::partner_exit, static_cast<std::uint32_t>(k), 0) ? 1 : 0;
    }
    CHECK(std::abs(hits / double(draws) - 0.3) < z999 * std::sqrt(0.3 * 0.7 / draws));
    CHECK_FALSE(rng.bernoulli(0.0, DrawPurpose::partner_exit, 0, 0));
    CHECK(rng.bernoulli(1.0, DrawPurpose::partner_exit, 0, 0));
}

TEST_CASE("derive_seed differs per coordinate and is reproducible", "[random]") {
    const std::uint64_t s = derive_seed(1, 2, 3, 4);
    CHECK(derive_seed(1, 2, 3, 4) == s);
    CHECK(derive_seed(0, 2, 3, 4) != s);
    CHECK(derive_seed(1, 0, 3, 4) != s);
    CHECK(derive_seed(1, 2, 0, 4) != s);
    CHECK(derive_seed(1, 2, 3, 0) != s);
    // Coordinates are not interchangeable.
    CHECK(derive_seed(1, 3, 2, 4) != s);
    CHECK(derive_seed(1, 2, 4, 3) != s);
    CHECK(derive_seed(1, 2) == derive_seed(1, 2, 0, 0));

    std::set<std::uint64_t> seen;
    for (std::uint64_t a = 0; a < 20; ++a) {
        for (std::uint64_t b = 0; b < 20; ++b) {
            for (std::uint64_t c = 0; c < 5; ++c) {
                seen.insert(derive_seed(42, a, b, c));
            }
        }
    }
    CHECK(seen.size() == 20 * 20 * 5);
}

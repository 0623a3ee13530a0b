// The what-if table's derived columns: what is reported only when it can be estimated.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "regiosim/analysis/arm_comparison.hpp"

namespace regiosim::analysis {

namespace {

// `n` runs ending at months start, start + step, …; censored at `horizon` when they reach it.
ArmSample arm(const std::string& name, int n, double start, double step, double horizon,
              double cost) {
    ArmSample s;
    s.name = name;
    for (int i = 0; i < n; ++i) {
        const double t = std::min(start + step * i, horizon);
        s.months.push_back(t);
        s.ended.push_back(t < horizon ? 1 : 0);
        s.cause.push_back(t < horizon ? 1 : 0);
        s.month_self_sustaining.push_back(-1);
        s.total_cost.push_back(cost);
    }
    return s;
}

}  // namespace

TEST_CASE("a hazard ratio is reported only when both arms have events", "[analysis]") {
    const double horizon = 180;
    const auto rows = compare_arms(
        {arm("baseline", 50, 10, 2, horizon, 0), arm("never_ends", 50, 200, 0, horizon, 10),
         arm("ends_later", 50, 40, 2, horizon, 10)},
        horizon);
    REQUIRE(rows.size() == 3);
    CHECK_FALSE(rows[0].hazard_ratio);  // the baseline itself
    CHECK_FALSE(rows[1].hazard_ratio);  // no event: monotone likelihood, not estimable
    REQUIRE(rows[2].hazard_ratio);
    CHECK(rows[2].hazard_ratio->estimate < 1.0);
    CHECK(std::isfinite(rows[2].hazard_ratio->upper));
}

TEST_CASE("cost per year gained needs a gain whose interval lies above zero", "[analysis]") {
    const double horizon = 180;
    // Same survival times as the baseline, shifted by one month: a gain far inside its noise.
    const auto rows =
        compare_arms({arm("baseline", 40, 10, 4, horizon, 0), arm("same", 40, 11, 4, horizon, 50),
                      arm("better", 40, 60, 3, horizon, 50)},
                     horizon);
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].rmst_gain_years.lower <= 0.0);
    CHECK_FALSE(rows[1].cost_per_year_gained);
    REQUIRE(rows[2].rmst_gain_years.lower > 0.0);
    REQUIRE(rows[2].cost_per_year_gained);
    // 50 k€ per run over a gain of (RMST difference) years.
    CHECK(*rows[2].cost_per_year_gained ==
          Approx(50.0 / rows[2].rmst_gain_years.estimate).epsilon(1e-12));
}

}  // namespace regiosim::analysis

// Hazard clocks (docs/ODD.md §4.9): an Exp(1) threshold run down by −ln(1 − p) in each month at
// risk is the same process as one Bernoulli(p) draw per month, for probabilities that change.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "scenario_builder.hpp"

using namespace regiosim;
using namespace regiosim::test;

namespace {

constexpr double z999 = 3.2905;  // two-sided 99.9 % normal quantile

// |hits/n − p| within the 99.9 % binomial interval of p.
bool binomially_close(int hits, int n, double p) {
    const double share = static_cast<double>(hits) / n;
    return std::abs(share - p) < z999 * std::sqrt(p * (1.0 - p) / n);
}

}  // namespace

TEST_CASE("the monthly hazard is -ln(1 - p), 0 for p <= 0 and infinite for p >= 1",
          "[hazard_clock]") {
    CHECK(model::monthly_hazard(0.0) == 0.0);
    CHECK(model::monthly_hazard(-0.5) == 0.0);
    CHECK(model::monthly_hazard(1.0) == std::numeric_limits<double>::infinity());
    for (const double p : {1e-6, 0.0135, 0.3, 0.5, 0.99}) {
        // 1 − p is rounded before its logarithm is taken: a relative error up to 2^-53 / p.
        const double precision = std::max(1e-13, 2e-16 / p);
        CHECK(model::monthly_hazard(p) == Approx(-std::log1p(-p)).epsilon(precision));
    }
    HazardMemo memo;
    CHECK(model::yearly_hazard(0.15, memo) ==
          Approx(-std::log(1.0 - model::monthly_probability(0.15))).epsilon(1e-13));
    CHECK(memo.probability == 0.15);
    CHECK(model::yearly_hazard(0.15, memo) * 12.0 == Approx(-std::log(0.85)).epsilon(1e-12));
}

TEST_CASE("a hazard clock fires in each month with that month's probability",
          "[hazard_clock][statistical]") {
    // Probabilities that change from month to month, as an exit barrier makes them: of the
    // clocks still running at month t, the share that runs out must be p_t, whatever the months
    // before did to the thresholds left.
    const std::vector<double> p = {0.1, 0.5, 0.02, 0.3, 0.0, 0.25, 1.0};
    const int clocks = 200000;
    std::vector<int> at_risk(p.size(), 0);
    std::vector<int> fired(p.size(), 0);
    for (int k = 0; k < clocks; ++k) {
        const RandomStream rng(7, static_cast<std::uint64_t>(k));
        double clock = rng.exponential(DrawPurpose::key_figure_departure, 0, 0, 1);
        REQUIRE(clock > 0.0);
        for (std::size_t t = 0; t < p.size(); ++t) {
            ++at_risk[t];
            if (model::clock_runs_out(clock, model::monthly_hazard(p[t]))) {
                ++fired[t];
                break;
            }
        }
    }
    for (std::size_t t = 0; t < p.size(); ++t) {
        INFO("month " << t << ": " << fired[t] << " of " << at_risk[t] << ", p " << p[t]);
        REQUIRE(at_risk[t] > 1000);
        if (p[t] == 0.0 || p[t] == 1.0) {
            CHECK(fired[t] == (p[t] == 1.0 ? at_risk[t] : 0));
        } else {
            CHECK(binomially_close(fired[t], at_risk[t], p[t]));
        }
    }
}

TEST_CASE("key figures leave at the yearly turnover rate in whole runs",
          "[hazard_clock][key_figures][statistical]") {
    auto s = make_region(4, 5, {Style::overstijgend});
    disable_endings(s.model);
    s.model.key_figure_turnover = 0.3;
    const double monthly = model::monthly_probability(0.3);
    int departures = 0;
    int partner_months = 0;
    for (std::uint64_t run = 0; run < 40; ++run) {
        const RunResult r = run_once(s, 0, 3, run);
        REQUIRE(r.months_survived == 180);
        departures += count_events(r.events, EventKind::key_figure_left);
        partner_months += 180 * static_cast<int>(s.partners.size());
    }
    INFO(departures << " departures in " << partner_months << " partner-months");
    CHECK(binomially_close(departures, partner_months, monthly));
}

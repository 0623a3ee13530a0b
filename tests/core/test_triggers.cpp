// Triggered interventions: noticed with a lag (shorter with monitoring), cooldown, max_firings.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstddef>
#include <vector>

#include "scenario_builder.hpp"

using namespace regiosim;
using namespace regiosim::test;

namespace {

/// Commitment sags in this region within the first year or two.
Scenario sagging_region() {
    auto s = make_region(4, 4, {Style::utilitair, Style::defensief, Style::offensief});
    disable_endings(s.model);
    quiet_world(s.model);
    s.model.commitment_decay = 0.06;  // make sure it sags
    return s;
}

InterventionSpec revival(double threshold, int cooldown, int max_firings) {
    auto spec = intervention(InterventionKind::meetings, 0, 1);
    spec.name = "revival";
    spec.trigger = Trigger{TriggerMetric::mean_commitment, true, threshold, cooldown, max_firings};
    return spec;
}

struct Trace {
    std::vector<double> commitment;  ///< the value recorded for triggers, per month
    std::vector<int> fired;          ///< months with intervention_triggered
};

Trace trace(const Scenario& s, std::size_t arm, std::uint64_t seed) {
    Simulation sim(s, s.arms[arm]);
    sim.reset(seed, 0);
    Trace t;
    bool more = true;
    while (more) {
        more = sim.step();
        const int month = static_cast<int>(t.commitment.size());
        const auto slot = static_cast<std::size_t>(month % SimulationState::history_length);
        t.commitment.push_back(
            sim.state().history[static_cast<std::size_t>(TriggerMetric::mean_commitment)][slot]);
    }
    for (const auto& e : events_of(sim.result().events, EventKind::intervention_triggered)) {
        t.fired.push_back(e.month);
    }
    return t;
}

int first_below(const std::vector<double>& values, double threshold) {
    for (std::size_t m = 0; m < values.size(); ++m) {
        if (values[m] < threshold) {
            return static_cast<int>(m);
        }
    }
    return -1;
}

std::vector<int> every(int first, int step, int horizon) {
    std::vector<int> out;
    for (int m = first; m < horizon; m += step) {
        out.push_back(m);
    }
    return out;
}

}  // namespace

TEST_CASE("a trigger fires once the decline is noticed, sooner with monitoring", "[triggers]") {
    auto s = sagging_region();
    // The threshold lies between the starting level of every seed below and where commitment
    // sags to.
    double lowest_start = 1.0;
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        const Trace untriggered = trace(s, 0, seed);
        REQUIRE(untriggered.fired.empty());
        lowest_start = std::min(lowest_start, untriggered.commitment.front());
    }
    const double threshold = 0.75 * lowest_start;
    s.arms[0].interventions = {revival(threshold, 12, 1)};
    with_arm(s, "monitored",
             {revival(threshold, 12, 1), intervention(InterventionKind::monitoring)});
    const auto lag_without = static_cast<int>(s.model.monitoring_lag_without);
    const auto lag_with = static_cast<int>(s.model.monitoring_lag_with);
    REQUIRE(lag_without > lag_with);

    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        INFO("seed " << seed);
        const Trace plain = trace(s, 0, seed);
        const Trace monitored = trace(s, 1, seed);
        const int crossed = first_below(plain.commitment, threshold);
        REQUIRE(crossed >= 1);
        REQUIRE(crossed + lag_without < s.horizon_months);
        // Monitoring changes nothing but the lag: both arms cross in the same month.
        CHECK(first_below(monitored.commitment, threshold) == crossed);
        CHECK(plain.fired == std::vector<int>{crossed + lag_without});
        CHECK(monitored.fired == std::vector<int>{crossed + lag_with});
    }
}

TEST_CASE("a trigger whose condition never holds never fires", "[triggers]") {
    auto s = sagging_region();
    s.arms[0].interventions = {revival(-1.0, 12, 0)};  // commitment is never below -1
    const Trace t = trace(s, 0, 1);
    CHECK(t.fired.empty());
}

TEST_CASE("a trigger respects its cooldown and max_firings", "[triggers]") {
    auto s = sagging_region();
    const int lag = static_cast<int>(s.model.monitoring_lag_without);
    const int lag_m = static_cast<int>(s.model.monitoring_lag_with);
    const int horizon = s.horizon_months;
    // Threshold 2: the condition always holds, so only cooldown and max_firings limit it.
    s.arms[0].interventions = {revival(2.0, 12, 3)};
    with_arm(s, "unlimited", {revival(2.0, 24, 0)});
    with_arm(s, "unlimited+monitoring",
             {revival(2.0, 24, 0), intervention(InterventionKind::monitoring)});
    with_arm(s, "cooldown shorter than duration", {[] {
                 auto spec = revival(2.0, 1, 0);
                 spec.duration_months = 3;
                 return spec;
             }()});

    CHECK(trace(s, 0, 1).fired == std::vector<int>{lag, lag + 12, lag + 24});
    CHECK(trace(s, 1, 1).fired == every(lag, 24, horizon));
    CHECK(trace(s, 2, 1).fired == every(lag_m, 24, horizon));
    // A firing runs its duration, stops for a month, and may then fire again.
    CHECK(trace(s, 3, 1).fired == every(lag, 4, horizon));
}

TEST_CASE("a triggered revival meeting lifts commitment by a share of the gap", "[triggers]") {
    auto s = sagging_region();
    with_intervention(s, revival(2.0, 12, 1));
    Harness h(std::move(s));
    h.admit();
    auto& st = h.state();
    const double gain = h.scenario().model.meetings_revival_gain;
    std::vector<double> before;
    for (std::size_t i = 0; i < st.partners.size(); ++i) {
        st.partners.commitment[i] = 0.1 * static_cast<double>(i);
        before.push_back(st.partners.commitment[i]);
    }
    auto c = h.context();
    for (int m = 0; m < 6; ++m) {  // not noticed yet
        st.month = m;
        model::update_interventions(st, c);
    }
    CHECK(std::equal(before.begin(), before.end(), st.partners.commitment.begin()));
    st.month = 6;
    model::update_interventions(st, c);
    for (std::size_t i = 0; i < before.size(); ++i) {
        CHECK(st.partners.commitment[i] ==
              Approx(before[i] + gain * (1.0 - before[i])).epsilon(single_precision));
    }
    const auto fired = events_of(h.events(), EventKind::intervention_triggered);
    REQUIRE(fired.size() == 1);
    CHECK(fired[0].month == 6);
    // A triggered meeting series does not add platform meetings.
    CHECK(st.effects.meetings_per_year == 0.0);
}

// Funding streams: cliffs, stable funding, co-financing in a shock, coordinators funded by a
// stream.
#include <catch2/catch.hpp>
#include <cstddef>
#include <vector>

#include "scenario_builder.hpp"

using namespace regiosim;
using namespace regiosim::test;

namespace {

/// A region that lives to the horizon with nothing random but the draws under test.
Scenario calm_region() {
    auto s = make_region(3, 3, {Style::overstijgend, Style::utilitair});
    disable_endings(s.model);
    quiet_world(s.model);
    return s;
}

/// Funding of every simulated month of a run.
std::vector<double> funding_by_month(const Scenario& s, std::size_t arm, std::uint64_t seed) {
    Simulation sim(s, s.arms[arm]);
    sim.reset(seed, 0);
    std::vector<double> out;
    bool more = true;
    while (more) {
        more = sim.step();
        out.push_back(sim.state().funding);  // the month just simulated
    }
    return out;
}

int intervention_index(const Simulation& sim, const std::string& name) {
    const auto& list = sim.interventions();
    for (std::size_t k = 0; k < list.size(); ++k) {
        if (list[k].name == name) {
            return static_cast<int>(k);
        }
    }
    return -1;
}

}  // namespace

TEST_CASE("the end of a stream is a funding cliff", "[funding]") {
    auto s = calm_region();
    with_funding(s, "pilot", 30.0, 0, 36);
    Simulation sim(s, s.arms[0]);
    sim.reset(1, 0);
    while (sim.state().month < 36) {
        REQUIRE(sim.step());
        CHECK(sim.state().funding == 30.0);
        CHECK(sim.state().last_funding_drop < 0);
    }
    REQUIRE(sim.step());  // month 36
    CHECK(sim.state().funding == 0.0);
    CHECK(sim.state().funding_prev == 30.0);
    CHECK(sim.state().last_funding_drop == 36);
    while (sim.step()) {
    }
    const auto cliffs = events_of(sim.result().events, EventKind::funding_cliff);
    REQUIRE(cliffs.size() == 1);
    CHECK(cliffs[0].month == 36);
    CHECK(cliffs[0].before == 30.0);
    CHECK(cliffs[0].after == 0.0);
    CHECK(sim.result().years[2].funding == 30.0);  // month 35
    CHECK(sim.result().years[3].funding == 0.0);
}

TEST_CASE("a drop smaller than funding.cliff_drop is not a cliff", "[funding]") {
    auto s = calm_region();
    with_funding(s, "programme", 30.0, 0);
    with_funding(s, "pilot", 20.0, 0, 36);  // 40 % of 50 falls away
    const RunResult r = run_once(s, 0, 1);
    CHECK(count_events(r.events, EventKind::funding_cliff) == 0);
    CHECK(r.years[3].funding == 30.0);

    // A stream that starts later is logged; its start is no cliff either.
    auto later = calm_region();
    with_funding(later, "late", 10.0, 12);
    const RunResult q = run_once(later, 0, 1);
    const auto started = events_of(q.events, EventKind::funding_started);
    REQUIRE(started.size() == 1);
    CHECK(started[0].month == 12);
    CHECK(count_events(q.events, EventKind::funding_cliff) == 0);
}

TEST_CASE("stable funding keeps the funding after the stream ends", "[funding]") {
    auto s = calm_region();
    with_funding(s, "pilot", 30.0, 0, 36);
    auto stable = intervention(InterventionKind::stable_funding, 0);
    with_arm(s, "stable", {stable});
    stable.level = 0.6;
    with_arm(s, "stable60", {stable});

    const auto base = funding_by_month(s, 0, 1);
    const auto full = funding_by_month(s, 1, 1);
    const auto part = funding_by_month(s, 2, 1);
    REQUIRE(full.size() == 180);
    for (std::size_t m = 0; m < 180; ++m) {
        INFO("month " << m);
        CHECK(base[m] == (m < 36 ? 30.0 : 0.0));
        CHECK(full[m] == 30.0);
        CHECK(part[m] == (m < 36 ? 30.0 : 18.0));
    }
    const RunResult r = run_once(s, 1, 1);
    CHECK(count_events(r.events, EventKind::funding_cliff) == 0);
    CHECK(count_events(run_once(s, 2, 1).events, EventKind::funding_cliff) == 0);
    CHECK(count_events(run_once(s, 0, 1).events, EventKind::funding_cliff) == 1);
}

TEST_CASE("a co-financing share cuts the stream during an economic shock", "[funding]") {
    auto funding_in_shock = [](double cofinancing, bool shock) {
        auto s = calm_region();
        s.model.economy_shock_rate = shock ? 1.0 : 0.0;  // a shock begins in month 0 ...
        s.model.economy_shock_end_rate = 0.0;            // ... and never ends
        with_funding(s, "sti", 100.0, 0, -1, cofinancing);
        Harness h(std::move(s));
        auto c = h.context();
        model::admit_joining_partners(h.state(), c);
        model::update_funding(h.state(), c);
        CHECK(h.state().economy_shock == shock);
        CHECK(count_events(h.events(), EventKind::economic_shock_began) == (shock ? 1 : 0));
        return h.state().funding;
    };
    const ModelParameters p;
    CHECK(funding_in_shock(0.1, false) == 100.0);
    CHECK(funding_in_shock(0.0, true) == 100.0);
    CHECK(funding_in_shock(0.1, true) ==
          Approx(100.0 * (1.0 - 0.1 * p.capacity_company_shock_cut)).epsilon(1e-12));
    CHECK(funding_in_shock(0.5, true) ==
          Approx(100.0 * (1.0 - 0.5 * p.capacity_company_shock_cut)).epsilon(1e-12));

    // Companies deliver fewer hours in the shock; others do not.
    auto s = calm_region();
    s.model.economy_shock_rate = 1.0;
    Harness h(std::move(s));
    auto c = h.context();
    model::admit_joining_partners(h.state(), c);
    model::update_funding(h.state(), c);
    const auto& a = h.state().partners;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double cut =
            a.type[i] == PartnerType::company ? 1.0 - p.capacity_company_shock_cut : 1.0;
        CHECK(a.effective_capacity[i] == Approx(a.capacity[i] * cut).epsilon(single_precision));
    }
}

TEST_CASE("a coordinator funded by a stream ends with it unless funding is stable",
          "[funding][coordinator]") {
    auto s = calm_region();
    with_funding(s, "pilot", 30.0, 0, 36);
    auto coordinator = intervention(InterventionKind::coordinator, 0);
    coordinator.name = "broker";
    coordinator.funded_by = "pilot";
    with_arm(s, "funded", {coordinator});
    with_arm(s, "funded+stable", {coordinator, intervention(InterventionKind::stable_funding, 0)});

    SECTION("without stable funding") {
        Simulation sim(s, s.arms[1]);
        const RunResult& r = sim.run(1, 0);
        const int k = intervention_index(sim, "broker");
        REQUIRE(k >= 0);
        std::vector<Event> ended;
        for (const auto& e : events_of(r.events, EventKind::intervention_ended)) {
            if (e.intervention == k) {
                ended.push_back(e);
            }
        }
        REQUIRE(ended.size() == 1);
        CHECK(ended[0].month == 36);
        const auto left = events_of(r.events, EventKind::coordinator_left);
        REQUIRE(left.size() == 1);
        CHECK(left[0].month == 36);
        CHECK(sim.state().interventions[static_cast<std::size_t>(k)].finished);
        CHECK_FALSE(sim.state().effects.coordinator);
        CHECK(r.years[2].dependence > 0.0);
        CHECK(r.years[3].dependence == 0.0);
    }
    SECTION("with stable funding") {
        Simulation sim(s, s.arms[2]);
        const RunResult& r = sim.run(1, 0);
        const int k = intervention_index(sim, "broker");
        REQUIRE(k >= 0);
        CHECK(count_events(r.events, EventKind::intervention_ended) == 0);
        CHECK(count_events(r.events, EventKind::coordinator_left) == 0);
        CHECK(sim.state().effects.coordinator);
        CHECK(sim.state().interventions[static_cast<std::size_t>(k)].active);
        CHECK(r.years.back().dependence > 0.4);
    }
}

// Regression: stable funding once summed every stream that had *started*, so stable funding
// agreed after a pilot had ended brought the ended pilot's money back (10 → 40 k€/month here).
TEST_CASE("stable funding that starts after a stream ended keeps the funding of its start",
          "[funding]") {
    auto s = calm_region();
    with_funding(s, "pilot", 30.0, 0, 36);
    with_funding(s, "municipal", 10.0, 0);
    with_arm(s, "late stable", {intervention(InterventionKind::stable_funding, 60)});
    const auto funding = funding_by_month(s, 1, 1);
    CHECK(funding[59] == 10.0);
    CHECK(funding[60] == 10.0);  // the funding at its start
    CHECK(funding[179] == 10.0);
}

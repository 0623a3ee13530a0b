// Coordinator / broker: crowding-out, dependence, the loss when it ends, onboarding.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <vector>

#include "scenario_builder.hpp"

using namespace regiosim;
using namespace regiosim::test;

namespace {

Scenario mixed_region() {
    return make_region(3, 3,
                       {Style::defensief, Style::utilitair, Style::offensief, Style::overstijgend});
}

/// Contributions decided on a fixed hand-set state, with or without a coordinator at work.
std::vector<double> contributions(bool coordinator, double intensity) {
    Harness h(mixed_region(), 0, 9);
    h.admit();
    auto& s = h.state();
    h.set_trust(0.5);
    for (std::size_t i = 0; i < s.partners.size(); ++i) {
        s.partners.contribution[i] = 0.3 + 0.05 * static_cast<double>(i);  // becomes prev
        s.partners.commitment[i] = 0.6;
        s.partners.perceived_return[i] = 0.5;
    }
    s.month = 10;
    s.coordinator_present = coordinator;
    s.effects.coordinator = coordinator;
    s.effects.coordinator_intensity = intensity;
    auto c = h.context();
    model::decide_contributions(s, c);
    const auto& given = s.partners.contribution;
    return {given.begin(), given.begin() + static_cast<std::ptrdiff_t>(s.partners.size())};
}

}  // namespace

TEST_CASE("a pulling coordinator crowds out the others' contributions", "[coordinator]") {
    const ModelParameters p;
    const auto without = contributions(false, 0.0);
    const auto high = contributions(true, 1.0);
    const auto half = contributions(true, 0.5);
    REQUIRE(without.size() == 7);
    for (std::size_t i = 0; i < without.size(); ++i) {
        INFO("partner " << i);
        REQUIRE(without[i] > 0.0);
        REQUIRE(without[i] < 1.0);
        CHECK(high[i] < half[i]);
        CHECK(half[i] < without[i]);
        CHECK(high[i] ==
              Approx(without[i] * (1.0 - p.coordinator_crowding)).epsilon(single_precision));
        CHECK(half[i] ==
              Approx(without[i] * (1.0 - 0.5 * p.coordinator_crowding)).epsilon(single_precision));
    }
    // The role without a person in it crowds out nobody.
    Harness h(mixed_region(), 0, 9);
    h.admit();
    auto& s = h.state();
    h.set_trust(0.5);
    for (std::size_t i = 0; i < s.partners.size(); ++i) {
        s.partners.contribution[i] = 0.3 + 0.05 * static_cast<double>(i);
        s.partners.commitment[i] = 0.6;
        s.partners.perceived_return[i] = 0.5;
    }
    s.month = 10;
    s.effects.coordinator = true;
    s.effects.coordinator_intensity = 1.0;
    s.coordinator_present = false;
    auto c = h.context();
    model::decide_contributions(s, c);
    for (std::size_t i = 0; i < without.size(); ++i) {
        CHECK(s.partners.contribution[i] == Approx(without[i]).epsilon(single_precision));
    }
}

TEST_CASE("dependence on the coordinator grows towards its intensity", "[coordinator]") {
    SECTION("on a hand-set state") {
        Harness h(mixed_region());
        h.admit();
        auto& s = h.state();
        const double growth = h.scenario().model.coordinator_dependence_growth;
        s.coordinator_present = true;
        s.effects.coordinator = true;
        s.effects.coordinator_intensity = 0.8;
        auto c = h.context();
        model::update_collaboration(s, c);
        CHECK(s.dependence == Approx(growth * 0.8).epsilon(1e-12));
        double previous = s.dependence;
        for (int m = 1; m < 300; ++m) {
            s.month = m;
            model::update_collaboration(s, c);
            CHECK(s.dependence > previous);
            CHECK(s.dependence < 0.8);
            previous = s.dependence;
        }
        CHECK(s.dependence == Approx(0.8).margin(1e-4));
        // Without the person present it does not grow.
        s.coordinator_present = false;
        s.dependence = 0.3;
        model::update_collaboration(s, c);
        CHECK(s.dependence == 0.3);
    }
    SECTION("year by year in a whole run") {
        auto sc = mixed_region();
        disable_endings(sc.model);
        quiet_world(sc.model);
        auto coordinator = intervention(InterventionKind::coordinator, 0);
        coordinator.intensity = 0.8;
        with_intervention(sc, coordinator);
        const RunResult r = run_once(sc, 0, 1);
        REQUIRE(r.years.size() == 15);
        const double keep = 1.0 - sc.model.coordinator_dependence_growth;
        for (std::size_t y = 0; y < r.years.size(); ++y) {
            INFO("year " << y + 1);
            // After 12(y+1) months present: I (1 - (1-g)^months).
            const double expected = 0.8 * (1.0 - std::pow(keep, 12.0 * (y + 1)));
            CHECK(r.years[y].dependence == Approx(expected).epsilon(1e-9));
        }
    }
}

TEST_CASE("when the coordinator's intervention ends commitment drops by loss_shock*dependence",
          "[coordinator]") {
    auto sc = mixed_region();
    auto coordinator = intervention(InterventionKind::coordinator, 0, 36);
    coordinator.intensity = 0.9;
    with_intervention(sc, coordinator);
    Harness h(std::move(sc));
    h.admit();
    auto& s = h.state();
    const auto& p = h.scenario().model;
    auto c = h.context();
    model::update_interventions(s, c);
    REQUIRE(s.coordinator_present);
    REQUIRE(count_events(h.events(), EventKind::coordinator_arrived) == 1);

    const double dependence = GENERATE(0.2, 0.5, 0.8);
    INFO("dependence " << dependence);
    s.month = 35;
    model::update_interventions(s, c);
    REQUIRE(s.coordinator_present);  // still within its duration
    s.month = 36;
    s.dependence = dependence;
    std::fill(s.partners.commitment.begin(), s.partners.commitment.end(), 0.6);
    s.partners.active[6] = 0;  // a partner that has left keeps its value
    ++s.active_changes;        // who is active changed (SimulationState)
    model::update_interventions(s, c);

    const double shock = p.coordinator_loss_shock * dependence;
    for (std::size_t i = 0; i < 6; ++i) {
        CHECK(s.partners.commitment[i] == Approx(0.6 * (1.0 - shock)).epsilon(single_precision));
    }
    CHECK(s.partners.commitment[6] == 0.6F);
    CHECK_FALSE(s.coordinator_present);
    CHECK(s.dependence == 0.0);
    CHECK_FALSE(s.effects.coordinator);
    const auto left = events_of(h.events(), EventKind::coordinator_left);
    REQUIRE(left.size() == 1);
    CHECK(left[0].month == 36);
    CHECK(left[0].before == dependence);
    CHECK(left[0].after == Approx(shock).epsilon(1e-12));
    CHECK(count_events(h.events(), EventKind::intervention_ended) == 1);
    // Only the loss of a coordinator the network leaned on counts as a leader loss.
    if (dependence >= p.flywheel_max_dependence) {
        CHECK(s.last_leader_loss == 36);
    } else {
        CHECK(s.last_leader_loss < 0);
    }
}

TEST_CASE("a coordinator ending in a whole run logs the dependence it leaves behind",
          "[coordinator]") {
    auto sc = mixed_region();
    disable_endings(sc.model);
    quiet_world(sc.model);
    auto coordinator = intervention(InterventionKind::coordinator, 0, 36);
    coordinator.intensity = 0.5;
    with_intervention(sc, coordinator);
    const RunResult r = run_once(sc, 0, 1);
    const auto ended = events_of(r.events, EventKind::intervention_ended);
    REQUIRE(ended.size() == 1);
    CHECK(ended[0].month == 36);
    const auto left = events_of(r.events, EventKind::coordinator_left);
    REQUIRE(left.size() == 1);
    CHECK(left[0].month == 36);
    const double dependence =
        0.5 * (1.0 - std::pow(1.0 - sc.model.coordinator_dependence_growth, 36.0));
    CHECK(left[0].before == Approx(dependence).epsilon(1e-9));
    CHECK(left[0].after == Approx(sc.model.coordinator_loss_shock * dependence).epsilon(1e-9));
    // The role is gone: no new coordinator arrives afterwards.
    for (const auto& e : events_of(r.events, EventKind::coordinator_arrived)) {
        CHECK(e.month < 36);
    }
    CHECK(r.years.back().dependence == 0.0);
}

TEST_CASE("a coordinator's onboarding keeps part of a departing key figure's trust",
          "[coordinator]") {
    ModelParameters p;
    p.key_figure_turnover = 1.0;
    p.coordinator_turnover = 0.0;
    auto lost_trust = [&](bool coordinator) {
        Harness h(make_region(1, 2, {Style::utilitair}, p));
        h.admit();
        auto& s = h.state();
        h.set_trust(0.7);
        for (std::size_t i = 1; i < s.partners.size(); ++i) {
            s.partners.active[i] = 0;  // only partner 0's key figure leaves
            ++s.active_changes;        // who is active changed (SimulationState)
        }
        s.effects.coordinator = coordinator;
        s.coordinator_present = coordinator;
        auto c = h.context();
        model::update_key_figures(s, c);
        return 0.7 - s.trust(1, 0);
    };
    const double without = lost_trust(false);
    const double with = lost_trust(true);
    CHECK(without == Approx((0.7 - p.trust_institutional) * p.key_figure_personal_share));
    CHECK(with == Approx(without * (1.0 - p.coordinator_onboarding)).epsilon(single_precision));
}

TEST_CASE("a coordinator organises meetings while present", "[coordinator]") {
    auto sc = mixed_region();
    auto coordinator = intervention(InterventionKind::coordinator, 0);
    coordinator.meetings_per_year = 4;
    with_intervention(sc, coordinator);
    Harness h(std::move(sc));
    h.admit();
    auto& s = h.state();
    auto c = h.context();
    model::update_interventions(s, c);
    CHECK(s.effects.coordinator);
    CHECK(s.effects.meetings_per_year == 4.0);
    CHECK(s.effects.coordinator_intensity == 0.5);
    s.coordinator_present = false;  // the person left; the role stays
    s.month = 1;
    model::update_interventions(s, c);
    CHECK(s.effects.coordinator);
    CHECK(s.effects.meetings_per_year == 0.0);
}

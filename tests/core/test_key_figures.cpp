// Key figures leave (key_figure.turnover forced to 1): personal trust, onboarding, team leaders.
#include <catch2/catch.hpp>
#include <cstddef>

#include "scenario_builder.hpp"

using namespace regiosim;
using namespace regiosim::test;

namespace {

/// A region in which every active partner's key figure leaves every month.
Scenario turnover_region() {
    ModelParameters p;
    p.key_figure_turnover = 1.0;
    p.coordinator_turnover = 0.0;
    return make_region(2, 3, {Style::utilitair, Style::overstijgend}, p);  // 6 partners
}

constexpr Eigen::Index n = 6;

/// Only partner 0 active, so only its key figure leaves.
void only_first_active(SimulationState& s) {
    for (std::size_t i = 1; i < s.partners.size(); ++i) {
        s.partners.active[i] = 0;
    }
}

}  // namespace

TEST_CASE("a departing key figure takes personal_share of the personal trust, both ways",
          "[key_figures]") {
    Harness h(turnover_region());
    h.admit();
    auto& s = h.state();
    const auto& p = h.scenario().model;
    REQUIRE(model::monthly_probability(p.key_figure_turnover) == 1.0);
    const double inst = p.trust_institutional;
    const double t0 = 0.7;
    const double L = p.key_figure_personal_share;

    SECTION("one departure") {
        h.set_trust(t0);
        s.trust(4, 0) = 0.1F;  // below the institutional level: nothing personal to lose
        only_first_active(s);
        s.partners.commitment[0] = 0.8;
        s.partners.expertise[0] = 0.9;
        auto c = h.context();
        model::update_key_figures(s, c);
        const double expected = inst + (t0 - inst) * (1.0 - L);
        for (Eigen::Index i = 1; i < n; ++i) {
            INFO("partner " << i);
            CHECK(s.trust(0, i) ==
                  Approx(expected).epsilon(single_precision));  // its trust in others
            if (i != 4) {
                // others' trust in it
                CHECK(s.trust(i, 0) == Approx(expected).epsilon(single_precision));
            }
            for (Eigen::Index j = 1; j < n; ++j) {
                if (j != i) {
                    // relations between others are untouched
                    CHECK(s.trust(i, j) == static_cast<float>(t0));
                }
            }
        }
        CHECK(s.trust(4, 0) == 0.1F);
        // The newcomer blends in at newcomer commitment and expertise.
        CHECK(s.partners.commitment[0] ==
              Approx(0.8 * (1.0 - L) + p.key_figure_newcomer_commitment * L)
                  .epsilon(single_precision));
        CHECK(s.partners.expertise[0] ==
              Approx(0.9 * (1.0 - L) + p.key_figure_newcomer_expertise * L)
                  .epsilon(single_precision));
        const auto left = events_of(h.events(), EventKind::key_figure_left);
        REQUIRE(left.size() == 1);
        CHECK(left[0].partner == 0);
        CHECK(left[0].month == 0);
    }

    SECTION("everyone's key figure leaves: each relation loses twice") {
        h.set_trust(t0);
        auto c = h.context();
        model::update_key_figures(s, c);
        const double expected = inst + (t0 - inst) * (1.0 - L) * (1.0 - L);
        for (Eigen::Index i = 0; i < n; ++i) {
            for (Eigen::Index j = 0; j < n; ++j) {
                if (i != j) {
                    CHECK(s.trust(i, j) == Approx(expected).epsilon(single_precision));
                }
            }
        }
        const auto left = events_of(h.events(), EventKind::key_figure_left);
        CHECK(static_cast<Eigen::Index>(left.size()) == n);
        for (const auto& e : left) {
            CHECK(e.after < e.before);  // mean trust of the others in the partner
        }
    }

    SECTION("a coordinator's onboarding rebuilds part of it") {
        h.set_trust(t0);
        only_first_active(s);
        s.effects.coordinator = true;
        s.coordinator_present = true;
        auto c = h.context();
        model::update_key_figures(s, c);
        const double onboarded = L * (1.0 - p.coordinator_onboarding);
        const double expected = inst + (t0 - inst) * (1.0 - onboarded);
        CHECK(s.trust(0, 1) == Approx(expected).epsilon(single_precision));
        CHECK(s.trust(1, 0) == Approx(expected).epsilon(single_precision));
        // The loss is smaller by exactly the onboarding share.
        const double loss_without = (t0 - inst) * L;
        CHECK(t0 - s.trust(1, 0) ==
              Approx(loss_without * (1.0 - p.coordinator_onboarding)).epsilon(single_precision));
        CHECK(s.coordinator_present);  // coordinator.turnover = 0
    }

    SECTION("a coordinator role that is vacant onboards nobody") {
        h.set_trust(t0);
        only_first_active(s);
        s.effects.coordinator = true;
        s.coordinator_present = false;
        s.coordinator_vacant_until = 10;
        auto c = h.context();
        model::update_key_figures(s, c);
        CHECK(s.trust(1, 0) == Approx(inst + (t0 - inst) * (1.0 - L)).epsilon(single_precision));
    }
}

TEST_CASE("key-figure turnover of 1 moves trust down in a whole run", "[key_figures]") {
    auto s = turnover_region();
    disable_endings(s.model);
    s.horizon_months = 12;
    const RunResult r = run_once(s, 0, 3);
    // Every month every partner's key figure leaves.
    CHECK(count_events(r.events, EventKind::key_figure_left) == 12 * n);
    for (const auto& e : events_of(r.events, EventKind::key_figure_left)) {
        CHECK(e.after <= e.before);
    }
    // With no personal trust kept, trust stays near the institutional level.
    REQUIRE(r.years.size() == 1);
    CHECK(r.years[0].mean_trust < s.model.trust_initial);
}

TEST_CASE("a team leader's departure leaves the team vacant and is logged", "[key_figures]") {
    Harness h(turnover_region());
    h.admit();
    auto& s = h.state();
    const auto& p = h.scenario().model;
    s.month = 7;
    s.effects.team = true;
    s.team_leader = 2;
    s.partners.team_member[2] = 1;
    only_first_active(s);
    s.partners.active[2] = 1;  // partners 0 and 2 active; 2 leads
    const double c0 = 0.6;
    const double c2 = 0.8;
    s.partners.commitment[0] = c0;
    s.partners.commitment[2] = c2;
    auto c = h.context();
    model::update_key_figures(s, c);

    CHECK(s.team_leader == -1);
    CHECK(s.team_vacant_until == 7 + static_cast<int>(p.team_vacancy_months));
    CHECK(s.last_leader_loss == 7);
    const auto logged = events_of(h.events(), EventKind::team_leader_left);
    REQUIRE(logged.size() == 1);
    CHECK(logged[0].partner == 2);
    CHECK(logged[0].month == 7);
    CHECK(count_events(h.events(), EventKind::team_leader_replaced) == 0);

    // Partner 0 left first (index order), then the leader's departure shook everyone.
    const double L = p.key_figure_personal_share;
    const double newcomer = p.key_figure_newcomer_commitment;
    const double shock = 1.0 - p.team_leader_loss_shock;
    CHECK(s.partners.commitment[0] ==
          Approx((c0 * (1.0 - L) + newcomer * L) * shock).epsilon(single_precision));
    CHECK(s.partners.commitment[2] ==
          Approx((c2 * (1.0 - L) + newcomer * L) * shock).epsilon(single_precision));

    // No replacement during the vacancy; the most committed active partner takes over after it.
    h.model().key_figure_turnover = 0.0;
    s.partners.commitment[0] = 0.9;
    const int vacant_until = s.team_vacant_until;
    s.month = vacant_until - 1;
    model::update_key_figures(s, c);
    CHECK(s.team_leader == -1);
    s.month = vacant_until;
    model::update_key_figures(s, c);
    CHECK(s.team_leader == 0);
    CHECK(s.partners.team_member[0] == 1);
    const auto replaced = events_of(h.events(), EventKind::team_leader_replaced);
    REQUIRE(replaced.size() == 1);
    CHECK(replaced[0].partner == 0);
    CHECK(replaced[0].month == vacant_until);
    CHECK(s.team_vacant_until == -1);
}

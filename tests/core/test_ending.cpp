// Every end cause from a constructed scenario; censoring at the horizon; the self-sustaining month.
#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

#include "scenario_builder.hpp"

using namespace regiosim;
using namespace regiosim::test;

namespace {

void check_ended(const RunResult& r, EndCause cause) {
    INFO("cause " << to_string(r.cause) << " after " << r.months_survived << " months");
    CHECK(r.ended);
    CHECK(r.cause == cause);
    const auto ended = events_of(r.events, EventKind::ended);
    REQUIRE(ended.size() == 1);
    CHECK(ended[0].month == r.months_survived - 1);
    CHECK(ended[0].intervention == static_cast<int>(cause));
    CHECK(r.events.back().kind == EventKind::ended);
    // The final (possibly partial) year is recorded.
    CHECK(static_cast<int>(r.years.size()) == (r.months_survived + 11) / 12);
}

}  // namespace

TEST_CASE("a region of defensive partners drifts apart", "[ending]") {
    auto s = make_region(4, 4, {Style::defensief});
    for (auto& partner : s.partners) {
        partner.commitment = 0.25;
    }
    s.model.exit_hazard = 0.0;        // nobody leaves: the collaboration just dies down
    s.model.commitment_decay = 0.08;  // and nothing keeps commitment up
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        INFO("seed " << seed);
        const RunResult r = run_once(s, 0, seed);
        check_ended(r, EndCause::drift);
        CHECK(r.months_survived < 60);
        CHECK(r.years.back().mean_commitment < s.model.ending_commitment_floor);
        CHECK(r.years.back().active_partners == 9);
    }
}

TEST_CASE("talk without action ends as drift after grace + drift months", "[ending]") {
    auto s = make_region(3, 3, {Style::overstijgend});
    disable_endings(s.model);
    s.model.ending_drift_output = 100.0;  // no month produces enough to count as action
    const RunResult r = run_once(s, 0, 1);
    check_ended(r, EndCause::drift);
    CHECK(r.months_survived ==
          static_cast<int>(s.model.ending_grace_months + s.model.ending_drift_months));
}

TEST_CASE("partners leaving end the collaboration as an exodus", "[ending]") {
    SECTION("everyone below the exit threshold with certain exit") {
        auto s = make_region(3, 3, {Style::overstijgend});
        s.model.exit_commitment_threshold = 1.0;
        s.model.exit_hazard = 1.0;
        const RunResult r = run_once(s, 0, 1);
        check_ended(r, EndCause::partner_exodus);
        CHECK(r.months_survived == 1);
        CHECK(count_events(r.events, EventKind::partner_left) == 7);
    }
    SECTION("low-commitment partners leave one by one") {
        auto s = make_region(4, 4, {Style::defensief});
        for (auto& partner : s.partners) {
            partner.commitment = 0.05;
        }
        s.model.initial_commitment_spread = 0.0;
        s.model.ending_commitment_floor = 0.0;  // let them leave rather than drift
        s.model.ending_drift_output = 0.0;
        for (std::uint64_t seed = 1; seed <= 5; ++seed) {
            INFO("seed " << seed);
            const RunResult r = run_once(s, 0, seed);
            check_ended(r, EndCause::partner_exodus);
            CHECK(r.months_survived > 1);
            CHECK(r.years.back().active_partners < s.model.ending_min_active_share * 9);
            CHECK(count_events(r.events, EventKind::partner_left) >= 6);
        }
    }
}

TEST_CASE("returns that stop with the subsidy end the collaboration in a funding cliff",
          "[ending]") {
    // Utilitair partners who get their return from the subsidy, not from the (tiny) output.
    auto s = make_region(4, 4, {Style::utilitair});
    with_funding(s, "pilot", 30.0, 0, 24);
    s.context.money_settled = true;
    s.model.output_productivity = 0.01;
    s.model.exit_utilitair_patience = 3;
    s.model.returns_smoothing = 0.3;
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        INFO("seed " << seed);
        const RunResult r = run_once(s, 0, seed);
        check_ended(r, EndCause::funding_cliff);
        CHECK(first_month(r.events, EventKind::funding_cliff) == 24);
        const int end = r.months_survived - 1;
        CHECK(end > 24);
        CHECK(end - 24 <= static_cast<int>(s.model.ending_attribution_window));
        CHECK(count_events(r.events, EventKind::utilitair_left_for_returns) > 0);
    }
    // Without the end of the stream the same region lives on past the attribution window.
    auto lasting = s;
    lasting.funding[0].end_month = -1;
    const RunResult r = run_once(lasting, 0, 1);
    CHECK(r.months_survived > 24 + static_cast<int>(s.model.ending_attribution_window));
    CHECK(r.cause != EndCause::funding_cliff);
}

TEST_CASE("losing the team leader can end the collaboration as a leader loss", "[ending]") {
    auto s = make_region(4, 4, {Style::overstijgend});
    s.model.team_leader_loss_shock = 1.0;  // everyone's commitment goes with the trekker
    s.model.key_figure_turnover = 0.5;
    with_intervention(s, intervention(InterventionKind::execution_team));
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        INFO("seed " << seed);
        const RunResult r = run_once(s, 0, seed);
        check_ended(r, EndCause::leader_loss);
        const auto lost = events_of(r.events, EventKind::team_leader_left);
        REQUIRE_FALSE(lost.empty());
        CHECK(r.months_survived - 1 - lost.back().month <=
              static_cast<int>(s.model.ending_attribution_window));
    }
}

TEST_CASE("a fight over a large pot ends in negotiation deadlock", "[ending]") {
    auto s = make_region(4, 4, {Style::overstijgend});
    with_funding(s, "pot", 100.0, 0);
    for (auto& partner : s.partners) {
        partner.alignment = 0.1;
    }
    s.model.conflict_growth = 1.0;
    s.model.commitment_conflict_erosion = 0.0;  // keep partners in the room while they fight
    const RunResult r = run_once(s, 0, 1);
    check_ended(r, EndCause::negotiation_deadlock);
    const int began = first_month(r.events, EventKind::deadlock_began);
    REQUIRE(began >= 0);
    CHECK(r.months_survived - began == static_cast<int>(s.model.conflict_deadlock_months));
    CHECK(r.years.back().conflict >= s.model.conflict_deadlock_level);

    // Settling the negotiations before the deadlock sets in postpones the end.
    with_arm(s, "settled", {intervention(InterventionKind::settlement, 6)});
    s.model.settlement_departure_probability = 0.0;
    const RunResult settled = run_once(s, 1, 1);
    CHECK(settled.months_survived > r.months_survived);
}

TEST_CASE("a run that reaches the horizon is censored", "[ending]") {
    auto s = make_region(3, 3, {Style::overstijgend, Style::utilitair});
    disable_endings(s.model);
    for (const int horizon : {180, 60, 100}) {
        INFO("horizon " << horizon);
        s.horizon_months = horizon;
        const RunResult r = run_once(s, 0, 1);
        CHECK_FALSE(r.ended);
        CHECK(r.cause == EndCause::censored);
        CHECK(r.months_survived == horizon);
        CHECK(count_events(r.events, EventKind::ended) == 0);
        CHECK(static_cast<int>(r.years.size()) == (horizon + 11) / 12);
        for (std::size_t y = 0; y < r.years.size(); ++y) {
            CHECK(r.years[y].year == static_cast<int>(y) + 1);
        }
    }
}

TEST_CASE("the self-sustaining month is recorded when the flywheel conditions hold", "[ending]") {
    auto s = make_region(4, 4, {Style::overstijgend});
    for (auto& partner : s.partners) {
        partner.commitment = 0.9;
        partner.alignment = 0.9;
    }
    s.context.existing_structure = true;
    with_intervention(s, intervention(InterventionKind::execution_team));
    with_intervention(s, intervention(InterventionKind::meetings));
    s.model.flywheel_output = 0.3;  // within reach of this small region whatever the scale
    const auto& p = s.model;

    Simulation sim(s, s.arms[0]);
    sim.reset(1, 0);
    std::vector<bool> conditions;
    bool more = true;
    while (more) {
        more = sim.step();
        const auto& st = sim.state();
        conditions.push_back(st.mean_commitment >= p.flywheel_commitment &&
                             st.mean_trust >= p.flywheel_trust &&
                             st.output_per_partner >= p.flywheel_output &&
                             st.dependence <= p.flywheel_max_dependence);
    }
    const auto& r = sim.result();
    const int m = r.month_self_sustaining;
    REQUIRE(m >= 0);
    const int needed = static_cast<int>(p.flywheel_months);
    REQUIRE(m + 1 >= needed);
    // The conditions held in the `needed` months up to m and not for that long before.
    for (int k = m - needed + 1; k <= m; ++k) {
        CHECK(conditions[static_cast<std::size_t>(k)]);
    }
    int run = 0;
    for (int k = 0; k < m; ++k) {
        run = conditions[static_cast<std::size_t>(k)] ? run + 1 : 0;
        CHECK(run < needed);
    }
    CHECK(first_month(r.events, EventKind::became_self_sustaining) == m);
    CHECK(count_events(r.events, EventKind::became_self_sustaining) == 1);
    CHECK(r.years[static_cast<std::size_t>(m / 12)].phase == Phase::flywheel);
    CHECK(r.years.back().phase == Phase::flywheel);

    // A network that leans on its coordinator is not self-sustaining.
    auto dependent = s;
    dependent.model.coordinator_turnover = 0.0;
    dependent.model.coordinator_dependence_growth = 0.2;  // above 0.5 after four months
    auto coordinator = intervention(InterventionKind::coordinator, 0);
    coordinator.intensity = 1.0;
    with_arm(dependent, "dependent", {coordinator});
    const RunResult d = run_once(dependent, 1, 1);
    CHECK(d.month_self_sustaining == -1);
    CHECK(count_events(d.events, EventKind::became_self_sustaining) == 0);
}

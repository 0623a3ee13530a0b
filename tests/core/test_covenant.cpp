// Covenant: exit barrier during its term, renewal moments, a term that is not renewed.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>

#include "scenario_builder.hpp"

using namespace regiosim;
using namespace regiosim::test;

namespace {

constexpr double z999 = 3.2905;

/// Leavers out of `runs` × partners decide_exits calls with every partner below the threshold,
/// each call in a fresh run (its own exit clocks, docs/ODD.md §4.9).
int count_low_commitment_exits(Harness& h, bool covenant, int runs) {
    auto& s = h.state();
    int left = 0;
    for (int r = 0; r < runs; ++r) {
        const RandomStream rng(11, static_cast<std::uint64_t>(r));
        h.simulation().reset(11, static_cast<std::uint64_t>(r));
        for (std::size_t i = 0; i < s.partners.size(); ++i) {
            s.partners.active[i] = 1;
            s.partners.commitment[i] = 0.1;
            s.partners.months_active[i] = 0;
        }
        s.month = 5;
        s.effects.covenant = covenant;
        auto c = h.context(rng);
        model::decide_exits(s, c);
        for (std::size_t i = 0; i < s.partners.size(); ++i) {
            left += s.partners.active[i] ? 0 : 1;
        }
    }
    return left;
}

std::vector<int> months_of(const std::vector<Event>& events, EventKind kind) {
    std::vector<int> out;
    for (const auto& e : events_of(events, kind)) {
        out.push_back(e.month);
    }
    return out;
}

}  // namespace

TEST_CASE("a covenant removes exit_barrier of the exit hazard below the threshold",
          "[covenant][statistical]") {
    // 20 defensief partners: no utilitair or offensief exit rules apply.
    Harness h(make_region(0, 19, {Style::defensief}));
    h.admit();
    const auto& p = h.scenario().model;
    const int runs = 500;
    const double trials = runs * 20.0;
    const int without = count_low_commitment_exits(h, false, runs);
    const int with = count_low_commitment_exits(h, true, runs);
    const double p0 = p.exit_hazard;
    const double p1 = p.exit_hazard * (1.0 - p.covenant_exit_barrier);
    INFO("without " << without << ", with " << with << " of " << trials);
    // Each rate lies in the 99.9 % binomial interval of its hazard ...
    CHECK(std::abs(without / trials - p0) < z999 * std::sqrt(p0 * (1.0 - p0) / trials));
    CHECK(std::abs(with / trials - p1) < z999 * std::sqrt(p1 * (1.0 - p1) / trials));
    // ... and the covenant lowers it significantly (two-proportion z-test, one-sided 99.9 %).
    CHECK(two_proportion_z(with, trials, without, trials) < -z999);
}

TEST_CASE("under a covenant fewer low-commitment partners leave in whole runs",
          "[covenant][statistical]") {
    auto s = make_region(0, 9, {Style::defensief});
    for (auto& partner : s.partners) {
        partner.commitment = 0.1;
    }
    s.model.covenant_commitment_boost = 0.0;  // isolate the barrier from the signing boost
    s.model.covenant_intention_boost = 0.0;
    s.model.ending_commitment_floor = 0.0;
    s.model.ending_min_active_share = 0.0;
    s.horizon_months = 12;
    with_arm(s, "covenant", {intervention(InterventionKind::covenant, 0)});
    int left[2] = {0, 0};
    const int seeds = 200;
    for (std::size_t arm = 0; arm < 2; ++arm) {
        for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
            left[arm] += count_events(run_once(s, arm, seed).events, EventKind::partner_left);
        }
    }
    INFO("baseline " << left[0] << ", covenant " << left[1]);
    const double n = seeds * 10.0;
    CHECK(left[0] > 100);
    CHECK(two_proportion_z(left[1], n, left[0], n) < -z999);
}

TEST_CASE("the covenant is renewed every term and each renewal is logged", "[covenant]") {
    auto s = make_region(3, 3, {Style::overstijgend, Style::utilitair});
    disable_endings(s.model);
    auto covenant = intervention(InterventionKind::covenant, 0);
    covenant.term_months = 24;
    with_intervention(s, covenant);
    const RunResult r = run_once(s, 0, 5);
    REQUIRE(r.months_survived == 180);
    CHECK(months_of(r.events, EventKind::covenant_signed) == std::vector<int>{0});
    CHECK(months_of(r.events, EventKind::covenant_renewed) ==
          std::vector<int>{24, 48, 72, 96, 120, 144, 168});

    // A covenant signed later, with a shorter term.
    auto late = make_region(3, 3, {Style::overstijgend});
    disable_endings(late.model);
    auto yearly = intervention(InterventionKind::covenant, 6);
    yearly.term_months = 12;
    with_intervention(late, yearly);
    const RunResult q = run_once(late, 0, 5);
    std::vector<int> expected;
    for (int m = 18; m < 180; m += 12) {
        expected.push_back(m);
    }
    CHECK(months_of(q.events, EventKind::covenant_signed) == std::vector<int>{6});
    CHECK(months_of(q.events, EventKind::covenant_renewed) == expected);
}

TEST_CASE("partners below the renewal threshold may leave at renewal", "[covenant]") {
    ModelParameters p;
    p.covenant_renewal_exit = 1.0;
    Harness h(make_region(2, 3, {Style::overstijgend}, p));  // 6 partners
    h.admit();
    auto& s = h.state();
    for (std::size_t i = 0; i < 6; ++i) {
        // 0.3: above the ordinary exit threshold (0.2), below the renewal threshold (0.4).
        s.partners.commitment[i] = i % 2 == 0 ? 0.3 : 0.6;
    }
    auto c = h.context();

    SECTION("not at an ordinary month") {
        model::decide_exits(s, c);
        for (std::size_t i = 0; i < 6; ++i) {
            CHECK(s.partners.active[i] == 1);
        }
    }
    SECTION("at renewal") {
        s.covenant_renewal_this_month = true;
        model::decide_exits(s, c);
        for (std::size_t i = 0; i < 6; ++i) {
            CHECK(s.partners.active[i] == (i % 2 == 0 ? 0 : 1));
        }
        const auto left = events_of(h.events(), EventKind::left_at_renewal);
        REQUIRE(left.size() == 3);
        CHECK(left[0].partner == 0);
        CHECK(left[1].partner == 2);
        CHECK(left[2].partner == 4);
        CHECK_FALSE(s.covenant_renewal_this_month);  // the moment is used up
    }
    SECTION("with the default renewal_exit about half of them leave") {
        h.model().covenant_renewal_exit = ModelParameters{}.covenant_renewal_exit;
        int left = 0;
        const int runs = 400;
        for (int r = 0; r < runs; ++r) {
            const RandomStream rng(3, static_cast<std::uint64_t>(r));
            std::fill(s.partners.active.begin(), s.partners.active.end(), 1);
            s.covenant_renewal_this_month = true;
            auto cr = h.context(rng);
            model::decide_exits(s, cr);
            for (std::size_t i = 0; i < 6; ++i) {
                left += s.partners.active[i] ? 0 : 1;
                CHECK((s.partners.active[i] == 1 || i % 2 == 0));
            }
        }
        const double n = runs * 3.0;
        const double q = h.scenario().model.covenant_renewal_exit;
        CHECK(std::abs(left / n - q) < z999 * std::sqrt(q * (1.0 - q) / n));
    }
}

TEST_CASE("update_interventions flags the renewal month", "[covenant]") {
    auto s = make_region(2, 2, {Style::overstijgend});
    auto covenant = intervention(InterventionKind::covenant, 0);
    covenant.term_months = 24;
    with_intervention(s, covenant);
    Harness h(std::move(s));
    h.admit();
    auto& st = h.state();
    auto c = h.context();
    model::update_interventions(st, c);
    CHECK(st.effects.covenant);
    CHECK(st.covenant_next_renewal == 24);
    CHECK_FALSE(st.covenant_renewal_this_month);
    const double intention = st.intention;
    st.month = 24;
    model::update_interventions(st, c);
    CHECK(st.covenant_renewal_this_month);
    CHECK(st.covenant_next_renewal == 48);
    CHECK(st.intention > intention);  // re-signing renews intention
}

TEST_CASE("everyone below the renewal threshold leaving ends the run at renewal", "[covenant]") {
    auto s = make_region(3, 3, {Style::overstijgend});
    disable_endings(s.model);
    s.model.covenant_renewal_exit = 1.0;
    s.model.covenant_renewal_threshold = 1.0;  // nobody is committed enough
    auto covenant = intervention(InterventionKind::covenant, 0);
    covenant.term_months = 24;
    with_intervention(s, covenant);
    const RunResult r = run_once(s, 0, 2);
    CHECK(r.ended);
    CHECK(r.cause == EndCause::partner_exodus);
    CHECK(r.months_survived == 25);
    const auto left = events_of(r.events, EventKind::left_at_renewal);
    CHECK(left.size() == s.partners.size());
    for (const auto& e : left) {
        CHECK(e.month == 24);
    }
}

TEST_CASE("a covenant that is not renewed ends after its term", "[covenant]") {
    auto s = make_region(3, 3, {Style::overstijgend});
    disable_endings(s.model);
    auto covenant = intervention(InterventionKind::covenant, 0);
    covenant.term_months = 24;
    covenant.renew = false;
    with_intervention(s, covenant);
    Simulation sim(s, s.arms[0]);
    sim.reset(4, 0);
    bool covenant_in_23 = false;
    bool covenant_in_24 = true;
    while (sim.step()) {
        const int month = sim.state().month - 1;  // the month just simulated
        if (month == 23) {
            covenant_in_23 = sim.state().effects.covenant;
        }
        if (month == 24) {
            covenant_in_24 = sim.state().effects.covenant;
            CHECK(sim.state().covenant_next_renewal == -1);
        }
    }
    const auto& r = sim.result();
    CHECK(r.months_survived == 180);
    CHECK(covenant_in_23);
    CHECK_FALSE(covenant_in_24);
    CHECK(count_events(r.events, EventKind::covenant_renewed) == 0);
    CHECK(months_of(r.events, EventKind::intervention_ended) == std::vector<int>{24});
}

// Regression: update_interventions() once re-signed a covenant every term whenever it had a
// duration, ignoring renew = false (logging covenant_renewed and opening renewal exits).
TEST_CASE("a covenant with renew=false and a duration is never re-signed", "[covenant]") {
    auto s = make_region(3, 3, {Style::overstijgend});
    disable_endings(s.model);
    auto covenant = intervention(InterventionKind::covenant, 0, 60);
    covenant.term_months = 24;
    covenant.renew = false;
    with_intervention(s, covenant);
    const RunResult r = run_once(s, 0, 4);
    CHECK(months_of(r.events, EventKind::intervention_ended) == std::vector<int>{60});
    CHECK(count_events(r.events, EventKind::covenant_renewed) == 0);
}

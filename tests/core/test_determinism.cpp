// A run is a pure function of (scenario, arm, seed, run index); arms share random numbers.
#include <catch2/catch.hpp>
#include <cstdint>
#include <utility>
#include <vector>

#include "../../sim/core/src/machinery/vector_block.hpp"
#include "scenario_builder.hpp"

using namespace regiosim;
using namespace regiosim::test;

namespace {

/// Every field of two results, doubles compared bit for bit.
void require_identical(const RunResult& a, const RunResult& b) {
    REQUIRE(a.months_survived == b.months_survived);
    REQUIRE(a.ended == b.ended);
    REQUIRE(a.cause == b.cause);
    REQUIRE(a.month_self_sustaining == b.month_self_sustaining);
    REQUIRE(a.months_to_first_success == b.months_to_first_success);
    REQUIRE(bits(a.total_cost) == bits(b.total_cost));
    REQUIRE(bits(a.cumulative_results) == bits(b.cumulative_results));
    REQUIRE(a.dropped_events == b.dropped_events);
    REQUIRE(a.years.size() == b.years.size());
    for (std::size_t y = 0; y < a.years.size(); ++y) {
        INFO("year " << y);
        const auto& ya = a.years[y];
        const auto& yb = b.years[y];
        CHECK(ya.year == yb.year);
        CHECK(ya.active_partners == yb.active_partners);
        CHECK(bits(ya.mean_trust) == bits(yb.mean_trust));
        CHECK(bits(ya.mean_commitment) == bits(yb.mean_commitment));
        CHECK(bits(ya.cumulative_results) == bits(yb.cumulative_results));
        CHECK(bits(ya.intention) == bits(yb.intention));
        CHECK(bits(ya.conflict) == bits(yb.conflict));
        CHECK(bits(ya.dependence) == bits(yb.dependence));
        CHECK(bits(ya.funding) == bits(yb.funding));
        CHECK(ya.phase == yb.phase);
    }
    REQUIRE(a.spent.size() == b.spent.size());
    for (std::size_t k = 0; k < a.spent.size(); ++k) {
        CHECK(bits(a.spent[k]) == bits(b.spent[k]));
    }
    REQUIRE(a.events.size() == b.events.size());
    for (std::size_t e = 0; e < a.events.size(); ++e) {
        INFO("event " << e);
        CHECK(a.events[e].month == b.events[e].month);
        CHECK(a.events[e].kind == b.events[e].kind);
        CHECK(a.events[e].partner == b.events[e].partner);
        CHECK(a.events[e].intervention == b.events[e].intervention);
        CHECK(bits(a.events[e].before) == bits(b.events[e].before));
        CHECK(bits(a.events[e].after) == bits(b.events[e].after));
    }
}

bool same_trajectory(const RunResult& a, const RunResult& b) {
    if (a.months_survived != b.months_survived || a.years.size() != b.years.size() ||
        a.events.size() != b.events.size()) {
        return false;
    }
    for (std::size_t y = 0; y < a.years.size(); ++y) {
        if (bits(a.years[y].mean_trust) != bits(b.years[y].mean_trust) ||
            bits(a.years[y].mean_commitment) != bits(b.years[y].mean_commitment) ||
            bits(a.years[y].cumulative_results) != bits(b.years[y].cumulative_results)) {
            return false;
        }
    }
    return true;
}

using MonthPartner = std::pair<int, int>;

std::vector<MonthPartner> departures(const RunResult& r, int before_month) {
    std::vector<MonthPartner> out;
    for (const auto& e : r.events) {
        if (e.kind == EventKind::key_figure_left && e.month < before_month) {
            out.emplace_back(e.month, e.partner);
        }
    }
    return out;
}

std::vector<int> shocks(const RunResult& r, int before_month) {
    std::vector<int> out;
    for (const auto& e : r.events) {
        if (e.kind == EventKind::economic_shock_began && e.month < before_month) {
            out.push_back(e.month);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("the same seed and run give a bit-identical result", "[determinism]") {
    const auto s = rich_scenario();
    for (std::size_t arm = 0; arm < s.arms.size(); ++arm) {
        INFO("arm " << s.arms[arm].name);
        Simulation sim(s, s.arms[arm]);
        const RunResult first = sim.run(2024, 3);
        REQUIRE(first.months_survived > 0);
        REQUIRE_FALSE(first.events.empty());
        REQUIRE_FALSE(first.years.empty());

        SECTION("run again on the same object") {
            require_identical(first, sim.run(2024, 3));
        }
        SECTION("after a different run in between: reset() resets everything") {
            const RunResult other = sim.run(99, 7);
            REQUIRE_FALSE(same_trajectory(first, other));
            require_identical(first, sim.run(2024, 3));
        }
        SECTION("on a fresh Simulation") {
            Simulation fresh(s, s.arms[arm]);
            require_identical(first, fresh.run(2024, 3));
        }
        SECTION("stepping by hand gives the result of run()") {
            Simulation manual(s, s.arms[arm]);
            manual.reset(2024, 3);
            int steps = 0;
            while (manual.step()) {
                ++steps;
            }
            CHECK(manual.finished());
            CHECK_FALSE(manual.step());
            CHECK(steps + 1 == first.months_survived);
            require_identical(first, manual.result());
        }
    }
}

TEST_CASE("different seeds or run indices give different trajectories", "[determinism]") {
    const auto s = rich_scenario();
    Simulation sim(s, s.arms[1]);
    const RunResult a = sim.run(1, 0);
    const RunResult b = sim.run(2, 0);
    const RunResult c = sim.run(1, 1);
    CHECK_FALSE(same_trajectory(a, b));
    CHECK_FALSE(same_trajectory(a, c));
    CHECK_FALSE(same_trajectory(b, c));
    // Even the first year differs (initial trust and commitment are drawn).
    CHECK(bits(a.years.front().mean_trust) != bits(b.years.front().mean_trust));
}

TEST_CASE("arms share random numbers before any intervention acts", "[determinism][crn]") {
    auto s = make_region(4, 6, {Style::utilitair, Style::defensief, Style::overstijgend});
    s.model.economy_shock_rate = 0.05;
    s.model.key_figure_turnover = 0.3;
    const int first_act = 60;
    auto late_coordinator = intervention(InterventionKind::coordinator, first_act);
    late_coordinator.intensity = 0.9;
    with_arm(s, "late",
             {late_coordinator, intervention(InterventionKind::covenant, first_act),
              intervention(InterventionKind::execution_team, first_act)});

    int compared = 0;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        INFO("seed " << seed);
        const RunResult base = run_once(s, 0, seed);
        const RunResult late = run_once(s, 1, seed);
        const int horizon = std::min({base.months_survived, late.months_survived, first_act});
        compared += static_cast<int>(departures(base, horizon).size());
        CHECK(departures(base, horizon) == departures(late, horizon));
        CHECK(shocks(base, horizon) == shocks(late, horizon));
        // Before month 60 the two arms are the same run: every event and year agrees.
        std::vector<Event> eb;
        std::vector<Event> el;
        for (const auto& e : base.events) {
            if (e.month < horizon && e.kind != EventKind::ended) {
                eb.push_back(e);
            }
        }
        for (const auto& e : late.events) {
            if (e.month < horizon && e.kind != EventKind::ended) {
                el.push_back(e);
            }
        }
        REQUIRE(eb.size() == el.size());
        for (std::size_t k = 0; k < eb.size(); ++k) {
            CHECK(eb[k].kind == el[k].kind);
            CHECK(eb[k].month == el[k].month);
            CHECK(eb[k].partner == el[k].partner);
            CHECK(bits(eb[k].before) == bits(el[k].before));
        }
    }
    CHECK(compared > 10);  // the comparison is not vacuous
}

TEST_CASE("arms with interventions from month 0 still see the same key-figure departures",
          "[determinism][crn]") {
    // With nobody leaving, both arms keep every partner active, so the counter-based draws for
    // key figures and the business cycle line up over the whole run although the arms differ.
    auto s = make_region(4, 6, {Style::utilitair, Style::defensief, Style::overstijgend});
    disable_endings(s.model);
    s.model.economy_shock_rate = 0.05;
    s.model.key_figure_turnover = 0.3;
    auto coordinator = intervention(InterventionKind::coordinator, 0);
    coordinator.intensity = 0.9;
    with_arm(s, "active",
             {coordinator, intervention(InterventionKind::meetings, 0),
              intervention(InterventionKind::covenant, 0),
              intervention(InterventionKind::execution_team, 0)});
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        INFO("seed " << seed);
        const RunResult base = run_once(s, 0, seed);
        const RunResult active = run_once(s, 1, seed);
        REQUIRE(base.months_survived == s.horizon_months);
        REQUIRE(active.months_survived == s.horizon_months);
        const auto d = departures(base, s.horizon_months);
        CHECK(d.size() > 10);
        CHECK(d == departures(active, s.horizon_months));
        CHECK(shocks(base, s.horizon_months) == shocks(active, s.horizon_months));
        // ... while the arms themselves do differ.
        CHECK_FALSE(same_trajectory(base, active));
    }
}

TEST_CASE("the AVX-512, AVX2 and baseline kernels compute the same bits", "[determinism][isa]") {
    using model::VectorIsa;
    const VectorIsa best = model::best_vector_isa();
    if (best != VectorIsa::avx512) {
        WARN("this CPU has no AVX-512: only the kernels it can run are compared");
    }
    // 12 partners (two row blocks of the trust matrix) and 31 (four, the last one part padding),
    // with schools (rivalry), utilitair partners (weighted row sums), meetings and successes.
    std::vector<Scenario> regions{rich_scenario()};
    regions.push_back(make_region(15, 15, {Style::utilitair, Style::offensief, Style::defensief}));
    with_arm(regions.back(), "meetings", {intervention(InterventionKind::meetings, 0)});
    for (const auto& s : regions) {
        for (const auto& arm : s.arms) {
            INFO(s.partners.size() << " partners, arm " << arm.name);
            std::vector<RunResult> baseline;
            std::vector<std::vector<std::uint64_t>> baseline_trust;
            for (const VectorIsa isa : {VectorIsa::baseline, VectorIsa::avx2, VectorIsa::avx512}) {
                if (isa > best) {
                    continue;
                }
                INFO("instruction set " << static_cast<int>(isa));
                REQUIRE(model::use_vector_isa(isa) == isa);
                Simulation sim(s, arm);
                for (std::uint64_t run = 0; run < 8; ++run) {
                    const RunResult& result = sim.run(77, run);
                    const auto& trust = sim.state().trust;
                    std::vector<std::uint64_t> trust_bits;
                    for (Eigen::Index i = 0; i < trust.rows(); ++i) {
                        for (Eigen::Index j = 0; j < trust.cols(); ++j) {
                            trust_bits.push_back(bits(trust(i, j)));
                        }
                    }
                    if (isa == VectorIsa::baseline) {
                        baseline.push_back(result);
                        baseline_trust.push_back(trust_bits);
                    } else {
                        require_identical(result, baseline[run]);
                        REQUIRE(trust_bits == baseline_trust[run]);
                    }
                }
            }
        }
    }
    model::use_vector_isa(best);
}

// What the model remembers of who is active (SimulationState::active_changes): the trusted
// columns and the sums over the active partners that are reused while nobody joined or left must
// be, every month, what a new pass over the partners computes, to the bit. A submodel that
// changed partners.active without counting the change would fail here.
#include <catch2/catch.hpp>
#include <cstdint>

#include "../../sim/core/src/machinery/partner_sums.hpp"
#include "scenario_builder.hpp"

using namespace regiosim;
using namespace regiosim::test;

namespace {

double sum_over_active(const SimulationState& s, const Lane& values) {
    const auto& a = s.partners;
    return model::sums_over_active<1>(a.active.data(), a.stride(), {values.data()})[0];
}

struct Checked {
    int months = 0;
    int trusted = 0;
    int given = 0;
    int divergence = 0;
};

void check_month(const SimulationState& s, Checked& checked) {
    const auto& a = s.partners;
    int active = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        active += a.active[i] != 0.0F ? 1 : 0;
    }
    REQUIRE(s.n_active == active);
    ++checked.months;
    if (s.trusted_at == s.active_changes) {
        ++checked.trusted;
        std::size_t k = 0;
        for (std::size_t j = 0; j < a.size(); ++j) {
            REQUIRE(s.trusted_from[j] == k);
            if (a.active[j] != 0.0F) {
                REQUIRE(k < s.trusted_count);
                REQUIRE(s.trusted[k].column == j);
                REQUIRE(s.trusted[k].offset == j * s.trust.stride());
                ++k;
            }
        }
        REQUIRE(s.trusted_count == k);
        for (std::size_t r = a.size(); r <= s.trust.stride(); ++r) {
            REQUIRE(s.trusted_from[r] == k);
        }
    }
    if (s.given_total_at == s.active_changes) {
        ++checked.given;
        REQUIRE(bits(s.contribution_totals.given) == bits(sum_over_active(s, a.contribution)));
    }
    if (s.divergence_at == s.active_changes) {
        ++checked.divergence;
        REQUIRE(bits(s.divergence_sum) == bits(sum_over_active(s, a.misalignment)));
    }
}

}  // namespace

TEST_CASE("what is remembered of who is active is what a new pass computes, every month",
          "[active_changes]") {
    auto scenario = rich_scenario();
    // Partners that join late, so that joining is counted as well as leaving.
    scenario.partners[2].join_month = 18;
    scenario.partners[7].join_month = 30;
    Checked checked;
    std::uint32_t most_changes = 0;
    for (const auto& arm : scenario.arms) {
        INFO("arm " << arm.name);
        Simulation sim(scenario, arm);
        for (std::uint64_t run = 0; run < 60; ++run) {
            INFO("run " << run);
            sim.reset(77, run);
            bool going = true;
            while (going) {
                going = sim.step();
                INFO("month " << sim.state().month);
                check_month(sim.engine_state(), checked);
            }
            most_changes = std::max(most_changes, sim.engine_state().active_changes);
        }
    }
    // The checks ran, in months after partners left and joined, not only in quiet ones.
    REQUIRE(most_changes >= 4);
    REQUIRE(checked.trusted > checked.months / 2);
    REQUIRE(checked.given > checked.months / 2);
    REQUIRE(checked.divergence > checked.months / 2);
}

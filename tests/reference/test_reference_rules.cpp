// Rules of the reference engine checked against their equations in docs/ODD.md: where a rule is
// written and tested first (docs/adding-a-rule.md). Each test sets up a state by hand, calls the
// one submodel and compares with the equation computed here from the ODD's text.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "regiosim/core/event_log.hpp"
#include "regiosim/reference/reference_simulation.hpp"
#include "regiosim/reference/submodels.hpp"
#include "shipped_scenarios.hpp"

namespace regiosim::reference {

namespace {

// A reset run of an arm of the reference region whose state a test may copy and change, with a
// Step over the same scenario for calling one submodel.
class RuleHarness {
  public:
    explicit RuleHarness(const std::string& arm = "baseline")
        : scenario_(test::reference_region()),
          simulation_(scenario_, *scenario_.find_arm(arm)),
          log_(result_.events, result_.dropped_events) {
        simulation_.reset(scenario_.seed, 0);
        state = simulation_.state();
        result_.events.reserve(1024);
        result_.spent.assign(1024, 0.0);
    }

    [[nodiscard]] Step step() {
        return Step{scenario_, simulation_.interventions(), scenario_.model, rng_, log_, result_};
    }
    [[nodiscard]] ModelParameters& model() { return scenario_.model; }
    [[nodiscard]] const Context& context() const { return scenario_.context; }

    ReferenceState state;

  private:
    Scenario scenario_;
    ReferenceSimulation simulation_;
    RandomStream rng_{1, 0};
    RunResult result_;
    EventLog log_;
};

// Partners 0 and 1 active, everybody else not, no conflict, no meeting series.
void two_partners(ReferenceState& s) {
    for (Partner& a : s.partners) {
        a.active = false;
    }
    s.partners[0].active = s.partners[1].active = true;
    s.partners[0].sector = s.partners[1].sector = 0;
    s.n_active = 2;
    s.conflict = 0.0;
    s.effects = ActiveEffects{};
    s.month = 0;
}

}  // namespace

TEST_CASE(
    "§7.7: a kept share builds trust at build_rate·ω, a shortfall erodes it three times as "
    "fast, then the fade",
    "[reference][trust]") {
    RuleHarness h;
    const auto& p = h.model();
    two_partners(h.state);
    auto& s = h.state;
    const double before = 0.5;
    s.trust_of(0, 1) = before;
    s.trust_of(1, 0) = before;
    // Partner 1 gives what 0 expects (ε = 0.7 · 0.4); partner 0 gives 0.4, of which 1 expects
    // 0.7 · 0.5 = 0.35: both kept. Then 1 gives nothing: 0's trust in 1 erodes by the full
    // shortfall.
    s.partners[0].contribution = 0.4;
    s.partners[1].contribution = 0.5;
    update_trust(s, h.step());
    const double omega = p.trust_observation_rate;
    const auto faded = [&](double t) { return t + p.trust_fade * (p.trust_institutional - t); };
    const double kept = faded(before + p.trust_build_rate * omega * (1.0 - before));
    CHECK(s.trust_of(0, 1) == Approx(kept).epsilon(1e-14));
    CHECK(s.trust_of(1, 0) == Approx(kept).epsilon(1e-14));

    s.trust_of(0, 1) = before;
    s.partners[1].contribution = 0.0;
    update_trust(s, h.step());
    const double broken = faded(before - p.trust_erosion_rate * omega * 1.0 * before);
    CHECK(s.trust_of(0, 1) == Approx(broken).epsilon(1e-14));
    // Luna-Reyes et al. 2004: at T = 0.5 the loss of a full shortfall is three times the gain.
    CHECK((faded(before) - broken) / (kept - faded(before)) ==
          Approx(p.trust_erosion_rate / p.trust_build_rate).epsilon(1e-12));
}

TEST_CASE(
    "§7.8: with stake, divergence and trust held, conflict settles at the root of "
    "g0(1 + e·C)(1 − C) = ρC",
    "[reference][conflict]") {
    RuleHarness h;
    const auto& p = h.model();
    auto& s = h.state;
    for (Partner& a : s.partners) {
        a.active = false;
    }
    const std::size_t n = std::min<std::size_t>(6, s.size());
    double misalignment = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        s.partners[i].active = true;
        misalignment += 1.0 - s.partners[i].alignment;
    }
    s.n_active = static_cast<int>(n);
    s.effects = ActiveEffects{};
    s.money_settled = false;
    s.funding = 0.5 * p.conflict_stake_reference;
    s.mean_trust = 0.5 * p.conflict_trust_reference;
    s.conflict = 0.0;
    for (int month = 0; month < 5000; ++month) {
        s.month = month;
        update_conflict(s, h.step());
    }
    // g0 and ρ as §7.8 writes them.
    const double g0 = p.conflict_growth * 0.5 * (misalignment / static_cast<double>(n)) *
                      (1.0 + p.conflict_policy_pressure_growth * h.context().policy_pressure);
    const double rho = p.conflict_resolution * 0.5;
    const auto balance = [&](double x) {
        return g0 * (1.0 + p.conflict_escalation * x) * (1.0 - x) - rho * x;
    };
    double lo = 0.0;
    double hi = 1.0;
    for (int k = 0; k < 200; ++k) {
        const double mid = 0.5 * (lo + hi);
        (balance(mid) > 0.0 ? lo : hi) = mid;
    }
    REQUIRE(s.conflict > 0.01);  // a conflict to speak of, not a trivial zero
    CHECK(s.conflict == Approx(0.5 * (lo + hi)).epsilon(1e-9));
    // Without escalation the root is lower: the test tells the two readings apart.
    const double without = g0 / (g0 + rho);
    CHECK(std::abs(without - s.conflict) > 0.01);
}

TEST_CASE(
    "§7.10 rule 1: an offensief partner pulls out after its patience when its returns fall "
    "short of the required share of its investment, deterministically",
    "[reference][exits]") {
    RuleHarness h;
    const auto& p = h.model();
    auto& s = h.state;
    two_partners(s);
    for (Partner& a : s.partners) {
        a.style = Style::offensief;
        a.commitment = 1.0;  // no other rule applies
    }
    s.partners[0].months_active = static_cast<int>(p.style_offensief_patience) - 1;
    s.partners[0].invested = 10.0;
    s.partners[0].returned = p.style_offensief_required_ratio * 10.0 - 1e-9;
    s.partners[1].months_active = static_cast<int>(p.style_offensief_patience) - 1;
    s.partners[1].invested = 10.0;
    s.partners[1].returned = p.style_offensief_required_ratio * 10.0;
    decide_exits(s, h.step());
    CHECK_FALSE(s.partners[0].active);  // short by a hair: out
    CHECK(s.partners[1].active);        // exactly the required ratio: stays
    CHECK(s.n_active == 1);
}

}  // namespace regiosim::reference

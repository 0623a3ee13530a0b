// The fast engine (sim/core) against the reference engine (sim/reference) as distributions: the
// months survived of 2 000 runs of each arm of each shipped scenario in each engine, compared
// by a two-sample Kolmogorov–Smirnov test and by a log-rank test. The samples are independent
// (the fast engine runs 0 … 1 999, the reference runs 10 000 … 11 999), so the tests' p-values
// mean what they say; the paired check (test_engine_equivalence) covers the same run indices.
// A knock-out case shows a change of one rate in one engine is found.
#include <catch2/catch.hpp>
#include <cstdint>

#include "regiosim/core/simulation.hpp"
#include "regiosim/reference/reference_simulation.hpp"
#include "shipped_scenarios.hpp"
#include "survival_comparison.hpp"

using namespace regiosim;
using namespace regiosim::test;

namespace {

constexpr int runs_per_engine = 2000;
constexpr std::uint64_t fast_first_run = 0;
constexpr std::uint64_t reference_first_run = 10000;

// Family-wise level: a correct pair of engines fails this file with probability < 0.01.
// Bonferroni over two tests (KS, log-rank) per arm and fewer than 50 arms: each test at 1e-4.
constexpr double family_alpha = 0.01;
constexpr double tests_bound = 100.0;
constexpr double alpha_per_test = family_alpha / tests_bound;

/// Both tests find no difference at alpha_per_test; the statistics are shown either way.
bool same_distribution(const SurvivalComparison& c) {
    UNSCOPED_INFO("Kolmogorov–Smirnov D = " << c.ks.statistic << ", p = " << c.ks.p_value
                                            << "; log-rank chi-square = " << c.logrank_statistic
                                            << ", p = " << c.logrank_p << "; each at "
                                            << alpha_per_test);
    return c.ks.p_value >= alpha_per_test && c.logrank_p >= alpha_per_test;
}

}  // namespace

TEST_CASE("the fast and the reference engine give the same survival on every shipped scenario",
          "[engines][slow]") {
    for (const Scenario& scenario : shipped_scenarios()) {
        for (const Arm& arm : scenario.arms) {
            INFO("scenario " << scenario.name << ", arm " << arm.name << ", " << runs_per_engine
                             << " runs of each engine");
            Simulation fast(scenario, arm);
            reference::ReferenceSimulation reference(scenario, arm);
            const auto fast_sample =
                sample_survival(fast, scenario.seed, fast_first_run, runs_per_engine);
            const auto reference_sample =
                sample_survival(reference, scenario.seed, reference_first_run, runs_per_engine);
            CHECK(same_distribution(compare_survival(fast_sample, reference_sample)));
        }
    }
}

TEST_CASE("the distribution check reports a rate changed in one engine", "[engines][knock-out]") {
    // Two fast engines on the reference region's baseline, one with commitment decaying at
    // 0.045 instead of 0.03 a month: survival must differ at the same level; the same engine
    // from other run indices must not. Measured on the reference region's 12 arms, this
    // check is blunt where the run-by-run one is sharp: trust built 10 % or 20 % faster is not
    // seen (p > 0.05 in most arms; the paired check parts every run), commitment decay 10 %
    // faster is seen in one arm of 12 and 20 % faster in 7 of 12 at the per-test level; 50 %
    // faster, used here, is far past that edge. The distribution test catches a rule that
    // changes who survives, not a small change of a rate.
    const Scenario scenario = reference_region();
    Scenario changed = scenario;
    changed.model.commitment_decay = 0.045;
    Simulation original(scenario, scenario.arms.front());
    Simulation knocked_out(changed, changed.arms.front());
    const auto sample = sample_survival(original, scenario.seed, fast_first_run, runs_per_engine);
    const auto again =
        sample_survival(original, scenario.seed, reference_first_run, runs_per_engine);
    const auto other =
        sample_survival(knocked_out, scenario.seed, reference_first_run, runs_per_engine);
    CHECK(same_distribution(compare_survival(sample, again)));
    CHECK_FALSE(same_distribution(compare_survival(sample, other)));
}

#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "regiosim/core/engine.hpp"
#include "run_comparison.hpp"

/// Two engines run from the same seeds, run by run: the paired half of the engine-equivalence
/// tests (tests/reference).
namespace regiosim::test {

/// Runs 0 … runs−1 of one arm in two engines, compared.
struct PairedRuns {
    int runs = 0;
    /// Runs whose event sequences differ (a threshold comparison flipped, or a rule differs).
    int event_divergent = 0;
    /// Runs with the same events but a value outside the tolerance (the runs parted without
    /// an event of their own, or a rule differs).
    int value_divergent = 0;
    /// "run 17: event #3: fast …; reference …" for the first few divergent runs of each kind.
    std::vector<std::string> divergences;
    /// "run 4: months survived: 37 vs 38" for each outcome that differs in a run whose events
    /// agree: never expected, whatever the rounding.
    std::vector<std::string> outcome_mismatches;
    /// How often each kind of event (indexed by EventKind) occurred in the first engine's runs:
    /// a rule no run exercises is not compared.
    std::vector<int> events_of_kind;

    [[nodiscard]] int divergent() const noexcept { return event_divergent + value_divergent; }
};

/// The two engines, each built for the same arm (or, for a knock-out, for arms that differ in
/// one rule), with their names for the messages.
struct EnginePair {
    Engine& a;
    std::string_view name_a;
    Engine& b;
    std::string_view name_b;
};

/// Runs 0 … runs−1 of seed `seed` in both engines and compares each pair of runs.
[[nodiscard]] PairedRuns compare_paired_runs(const EnginePair& engines, std::uint64_t seed,
                                             int runs, const Tolerance& tolerance);

/// The most divergent runs out of `runs` that a divergence probability of `share` leaves with
/// probability at least 1 − `alpha`: the exact binomial (1 − alpha) quantile.
[[nodiscard]] int max_divergent_runs(int runs, double share, double alpha);

}  // namespace regiosim::test

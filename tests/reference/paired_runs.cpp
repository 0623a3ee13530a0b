#include "paired_runs.hpp"

#include <boost/math/distributions/binomial.hpp>
#include <cmath>

namespace regiosim::test {

namespace {

// Enough to show a developer what differs without flooding the log.
constexpr std::size_t divergences_listed = 4;

}  // namespace

PairedRuns compare_paired_runs(const EnginePair& engines, std::uint64_t seed, int runs,
                               const Tolerance& tolerance) {
    PairedRuns paired;
    paired.runs = runs;
    paired.events_of_kind.assign(static_cast<std::size_t>(EventKind::ended) + 1, 0);
    for (int run = 0; run < runs; ++run) {
        const auto index = static_cast<std::uint64_t>(run);
        // The engines reuse their result between runs: compare before the next run.
        const RunResult& a = engines.a.run(seed, index);
        const RunResult& b = engines.b.run(seed, index);
        for (const Event& event : a.events) {
            ++paired.events_of_kind[static_cast<std::size_t>(event.kind)];
        }
        const auto comparison = compare_runs(a, b, tolerance, engines.name_a, engines.name_b);
        const std::string at = "run " + std::to_string(run) + ": ";
        const bool listed = paired.divergences.size() < divergences_listed;
        if (!comparison.events_agree) {
            ++paired.event_divergent;
            if (listed) {
                paired.divergences.push_back(at + comparison.first_event_difference);
            }
            continue;
        }
        if (!comparison.value_mismatches.empty()) {
            ++paired.value_divergent;
            if (listed) {
                paired.divergences.push_back(at + "same events, but " +
                                             comparison.value_mismatches.front());
            }
        }
        for (const auto& mismatch : comparison.outcome_mismatches) {
            paired.outcome_mismatches.push_back(at + mismatch);
        }
    }
    return paired;
}

int max_divergent_runs(int runs, double share, double alpha) {
    using Policy = boost::math::policies::policy<
        boost::math::policies::discrete_quantile<boost::math::policies::integer_round_up>>;
    const boost::math::binomial_distribution<double, Policy> divergent(runs, share);
    return static_cast<int>(std::lround(quantile(complement(divergent, alpha))));
}

}  // namespace regiosim::test

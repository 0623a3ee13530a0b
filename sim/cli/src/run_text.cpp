#include "run_text.hpp"

#include <fmt/format.h>

#include "regiosim/results/story.hpp"

namespace regiosim::cli {

void print_run_text(const RunResult& r, const Scenario& scenario, const Arm& arm,
                    const std::vector<InterventionSpec>& interventions, std::uint64_t seed,
                    std::uint64_t run_index) {
    fmt::print("scenario {} · arm {} · seed {} · run {}\n", scenario.name, arm.name, seed,
               run_index);
    if (r.ended) {
        fmt::print("ended after {} months ({:.1f} years): {}\n", r.months_survived,
                   r.months_survived / 12.0, to_string(r.cause));
    } else {
        fmt::print("still running at the horizon ({} months): censored\n", r.months_survived);
    }
    if (r.month_self_sustaining >= 0) {
        fmt::print("became self-sustaining in month {}\n", r.month_self_sustaining);
    }
    fmt::print("total cost of interventions: {:.1f} k€\n\n", r.total_cost);
    fmt::print("{:>4} {:>7} {:>6} {:>10} {:>9} {:>9} {:>8} {:>8}  {}\n", "year", "active", "trust",
               "commitment", "results", "intention", "conflict", "funding", "phase");
    for (const auto& y : r.years) {
        fmt::print("{:>4} {:>7} {:>6.2f} {:>10.2f} {:>9.1f} {:>9.2f} {:>8.2f} {:>8.1f}  {}\n",
                   y.year, y.active_partners, y.mean_trust, y.mean_commitment, y.cumulative_results,
                   y.intention, y.conflict, y.funding, to_string(y.phase));
    }
    fmt::print("\nwhat happened:\n");
    for (const auto& line : tell_story(r, scenario, interventions)) {
        fmt::print("  {}\n", line);
    }
}

}  // namespace regiosim::cli

#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "regiosim/core/run_result.hpp"
#include "regiosim/core/scenario.hpp"

namespace regiosim::server {

/// Where a partner stands in a month of a stepped run.
enum class PartnerStatus : std::uint8_t { not_joined = 0, active = 1, left = 2 };

/// The collaboration at the end of one month: what the page draws for that month.
struct MonthFrame {
    int month = 0;  ///< 0-based, the month the events of that month carry
    int active_partners = 0;
    double mean_trust = 0.0;
    double mean_commitment = 0.0;
    double cumulative_results = 0.0;
    double intention = 0.0;
    double conflict = 0.0;
    double funding = 0.0;  ///< k€ this month
    Phase phase = Phase::forming;
    std::vector<double> commitment;  ///< per partner
    std::vector<PartnerStatus> status;
    /// The strongest mutual trust links between active partners: (i, j, (T_ij + T_ji) / 2).
    struct Edge {
        int from = 0;
        int to = 0;
        double trust = 0.0;
    };
    std::vector<Edge> edges;
};

/// One run stepped month by month, every month kept.
struct RunRecording {
    std::string arm;
    std::uint64_t seed = 0;
    std::uint64_t run_index = 0;
    std::vector<MonthFrame> frames;
    RunResult result;
    std::vector<InterventionSpec> interventions;  ///< the run's list: common, then the arm's
};

/// Runs arm `arm` of `scenario` with (seed, run_index), as `regiosim run` does, and records
/// each month. At most `max_edges` trust links are kept per month.
///
/// Why the whole run at once: a run of a classroom region takes milliseconds, and a recording
/// is at most a few megabytes; the browser then steps and plays it without asking the server
/// again. The server keeps no state per tab, so nothing expires, leaks or must be bounded
/// beyond the work queue, and a shared link replays the same run exactly.
[[nodiscard]] RunRecording record_run(const Scenario& scenario, const Arm& arm, std::uint64_t seed,
                                      std::uint64_t run_index, int max_edges);

}  // namespace regiosim::server

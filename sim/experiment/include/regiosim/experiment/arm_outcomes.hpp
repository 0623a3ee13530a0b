#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "regiosim/core/run_result.hpp"

namespace regiosim {

/// Per-run summaries of one arm, one entry per replicate, in replicate order.
struct ArmOutcomes {
    std::string arm;
    std::vector<int> months_survived;
    std::vector<std::int8_t> ended;  ///< event flag: 1 ended, 0 censored
    std::vector<EndCause> cause;
    std::vector<int> month_self_sustaining;    ///< -1 if never
    std::vector<int> months_to_first_success;  ///< -1 if never
    std::vector<double> total_cost;            ///< k€
    std::vector<double> cumulative_results;
    /// Yearly means over the replicates still alive at the end of that year, per state variable.
    std::vector<double> mean_active_partners;
    std::vector<double> mean_trust;
    std::vector<double> mean_commitment;
    std::vector<int> alive_at_year_end;

    void resize(std::size_t replicates, std::size_t years);
    [[nodiscard]] std::size_t size() const noexcept { return months_survived.size(); }
};

}  // namespace regiosim

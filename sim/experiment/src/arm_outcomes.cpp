#include "regiosim/experiment/arm_outcomes.hpp"

namespace regiosim {

void ArmOutcomes::resize(std::size_t replicates, std::size_t years) {
    months_survived.assign(replicates, 0);
    ended.assign(replicates, 0);
    cause.assign(replicates, EndCause::censored);
    month_self_sustaining.assign(replicates, -1);
    months_to_first_success.assign(replicates, -1);
    total_cost.assign(replicates, 0.0);
    cumulative_results.assign(replicates, 0.0);
    mean_active_partners.assign(years, 0.0);
    mean_trust.assign(years, 0.0);
    mean_commitment.assign(years, 0.0);
    alive_at_year_end.assign(years, 0);
}

}  // namespace regiosim

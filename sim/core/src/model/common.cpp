#include <cmath>
#include <limits>

#include "../machinery/partner_sums.hpp"
#include "../machinery/portable_math.hpp"
#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

double monthly_probability(double yearly) noexcept {
    if (yearly <= 0.0) {
        return 0.0;
    }
    if (yearly >= 1.0) {
        return 1.0;
    }
    return 1.0 - std::pow(1.0 - yearly, 1.0 / 12.0);
}

double monthly_hazard(double p) noexcept {
    if (p <= 0.0) {
        return 0.0;
    }
    if (p >= 1.0) {
        return std::numeric_limits<double>::infinity();
    }
    // The portable logarithm: the same bits on every CPU (portable_math.hpp).
    return -portable::log_positive(1.0 - p);
}

double monthly_hazard(double p, HazardMemo& memo) noexcept {
    if (p != memo.probability) {
        memo.probability = p;
        memo.hazard = monthly_hazard(p);
    }
    return memo.hazard;
}

double yearly_hazard(double yearly, HazardMemo& memo) noexcept {
    if (yearly != memo.probability) {
        memo.probability = yearly;
        memo.hazard = monthly_hazard(monthly_probability(yearly));
    }
    return memo.hazard;
}

bool meeting_in_month(double per_year, int month) noexcept {
    if (per_year <= 0.0) {
        return false;
    }
    // Meetings spread evenly: the k-th falls in the month where the running count passes k.
    const double before = std::floor(per_year * month / 12.0 + 1e-9);
    const double after = std::floor(per_year * (month + 1) / 12.0 + 1e-9);
    return after > before;
}

void refresh_means(SimulationState& s) {
    const auto& a = s.partners;
    // Mean trust is the sum of the active partners' row sums: the rows are summed together
    // (vectorised, sum_trust_rows) rather than as one chain of n² dependent additions.
    if (s.row_sums == RowSumsHeld::stale) {
        // With utilitair partners the weighted sums too, for next month's contributions, which
        // weigh by what was given this month: one pass instead of two.
        sum_trust_rows(s, s.utilitair_partners ? a.contribution.data() : nullptr);
    }
    const auto [commitment, trust] =
        sums_over_active<2>(a.active.data(), a.stride(), {a.commitment.data(), s.row_sum.data()});
    const int active = s.n_active;
    const int pairs = active * (active - 1);
    s.mean_commitment = active > 0 ? commitment / active : 0.0;
    s.mean_trust = pairs > 0 ? trust / pairs : 0.0;
}

}  // namespace regiosim::model

#include <cmath>

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
    const auto n = static_cast<Eigen::Index>(a.size());
    double commitment = 0.0;
    double trust = 0.0;
    int active = 0;
    int pairs = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
        if (!a.active[static_cast<std::size_t>(i)]) {
            continue;
        }
        ++active;
        commitment += a.commitment[static_cast<std::size_t>(i)];
        for (Eigen::Index j = 0; j < n; ++j) {
            if (j != i && a.active[static_cast<std::size_t>(j)]) {
                trust += s.trust(i, j);
                ++pairs;
            }
        }
    }
    s.n_active = active;
    s.mean_commitment = active > 0 ? commitment / active : 0.0;
    s.mean_trust = pairs > 0 ? trust / pairs : 0.0;
}

}  // namespace regiosim::model

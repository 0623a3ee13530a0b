// docs/ODD.md §7, "Helpers", and the hazard clocks of §4.9.
#include <algorithm>
#include <cmath>
#include <limits>

#include "regiosim/reference/submodels.hpp"

namespace regiosim::reference {

// Notation: clamp(x) = min(1, max(0, x)).
double clamp01(double x) noexcept {
    return std::clamp(x, 0.0, 1.0);
}

// §7 helpers: a yearly probability q becomes the monthly 1 − (1 − q)^(1/12).
double monthly_probability(double yearly) noexcept {
    if (yearly <= 0.0) {
        return 0.0;
    }
    if (yearly >= 1.0) {
        return 1.0;
    }
    return 1.0 - std::pow(1.0 - yearly, 1.0 / 12.0);
}

// §4.9: the hazard λ = −ln(1 − p) of a monthly probability p (0 → 0, 1 → ∞).
double monthly_hazard(double p) noexcept {
    if (p <= 0.0) {
        return 0.0;
    }
    if (p >= 1.0) {
        return std::numeric_limits<double>::infinity();
    }
    return -std::log(1.0 - p);
}

// §7 helpers: a meeting in month t iff ⌊M(t+1)/12⌋ > ⌊Mt/12⌋. The small tolerance keeps a
// product such as 12 · 3 / 12 from falling just below an integer by rounding.
bool meeting_in_month(double per_year, int month) noexcept {
    if (per_year <= 0.0) {
        return false;
    }
    constexpr double rounding_tolerance = 1e-9;
    const double before = std::floor(per_year * month / 12.0 + rounding_tolerance);
    const double after = std::floor(per_year * (month + 1) / 12.0 + rounding_tolerance);
    return after > before;
}

// §4.9: the clock runs down by the month's hazard; the event happens when it reaches 0.
bool clock_runs_out(double& clock, double hazard) noexcept {
    clock -= hazard;
    return clock <= 0.0;
}

// §2.3 / §7.11: m̄ over active partners, T̄ over ordered pairs of active partners.
void refresh_means(ReferenceState& s) {
    const std::size_t n = s.size();
    int active = 0;
    double commitment = 0.0;
    double trust = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!s.partners[i].active) {
            continue;
        }
        ++active;
        commitment += s.partners[i].commitment;
        for (std::size_t j = 0; j < n; ++j) {
            if (j != i && s.partners[j].active) {
                trust += s.trust_of(i, j);
            }
        }
    }
    const int pairs = active * (active - 1);
    s.n_active = active;
    s.mean_commitment = active > 0 ? commitment / active : 0.0;
    s.mean_trust = pairs > 0 ? trust / pairs : 0.0;
}

}  // namespace regiosim::reference

// docs/ODD.md §7.2: funding and the business cycle.
#include <algorithm>

#include "regiosim/reference/submodels.hpp"

namespace regiosim::reference {

namespace {

// §7.2 business-cycle clock: towards a shock (economy.shock_rate) or towards its end
// (economy.shock_end_rate); when it runs out the state flips and the next threshold replaces it.
void advance_business_cycle(ReferenceState& s, const Step& c) {
    const auto& p = c.p;
    const double hazard =
        monthly_hazard(s.economy_shock ? p.economy_shock_end_rate : p.economy_shock_rate);
    if (clock_runs_out(s.business_cycle_clock, hazard)) {
        s.economy_shock = !s.economy_shock;
        c.log.add(s.month, s.economy_shock ? EventKind::economic_shock_began
                                           : EventKind::economic_shock_ended);
        s.business_cycle_clock = c.rng.exponential(DrawPurpose::business_cycle,
                                                   static_cast<std::uint32_t>(s.month), 0, 0);
    }
}

}  // namespace

// §7.2: F = Σ running streams amount_f (1 − cofinancing_f (1 − met)); the stable-funding floor
// of last month's effects; the funding cliff; companies' effective capacity in a shock.
void update_funding(ReferenceState& s, const Step& c) {
    const auto& p = c.p;
    const int t = s.month;
    advance_business_cycle(s, c);
    const double met = s.economy_shock ? 1.0 - p.capacity_company_shock_cut : 1.0;
    double total = 0.0;
    for (std::size_t f = 0; f < c.scenario.funding.size(); ++f) {
        const auto& stream = c.scenario.funding[f];
        if (t < stream.start_month || (stream.end_month >= 0 && t >= stream.end_month)) {
            continue;
        }
        if (t == stream.start_month && t > 0) {
            c.log.add(t, EventKind::funding_started, -1, static_cast<int>(f));
        }
        total += stream.monthly_amount * (1.0 - stream.cofinancing_share * (1.0 - met));
    }
    if (s.effects.stable_funding) {  // still last month's effects (§3 table)
        total = std::max(total, s.funding_at_stable_start * s.effects.stable_level);
    }
    s.funding_prev = s.funding;
    s.funding = total;
    if (s.funding_prev > 0.0 && total < (1.0 - p.funding_cliff_drop) * s.funding_prev) {
        s.last_funding_drop = t;
        c.log.add(t, EventKind::funding_cliff, -1, -1, s.funding_prev, total);
    }
    for (Partner& a : s.partners) {
        const bool cut = s.economy_shock && a.type == PartnerType::company;
        a.effective_capacity = a.capacity * (cut ? 1.0 - p.capacity_company_shock_cut : 1.0);
    }
}

}  // namespace regiosim::reference

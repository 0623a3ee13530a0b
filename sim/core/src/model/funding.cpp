// The rule of docs/ODD.md §7.2, as the reference engine states it plainly in
// sim/reference/src/funding.cpp:
//
// clang-format off
//   business-cycle clock (§4.9): at risk every month, with p = economy.shock_end_rate during a shock
//   and p = economy.shock_rate otherwise; when it runs out:
//       shock ← not shock  (log economic_shock_began / economic_shock_ended) ; draw the next threshold
//
//   met = 1 − capacity.company_shock_cut   if shock, else 1
//   F = Σ over streams f with start_f ≤ t and (end_f < 0 or t < end_f):
//           amount_f · (1 − cofinancing_share_f · (1 − met))
//   if stable funding was active last month:  F ← max(F, funding_at_stable_start · level)
//   if F_prev > 0 and F < (1 − funding.cliff_drop) · F_prev:  last_funding_drop ← t (log funding_cliff)
//   κ̃_i = κ_i · (1 − capacity.company_shock_cut)  for companies during a shock;  κ̃_i = κ_i otherwise
//
// clang-format on
// Below, the fast engine computes it: in the partners' single-precision lanes, with kernels
// over whole vector blocks (machinery/), which give the same result up to rounding.

#include <algorithm>

#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

namespace {

// Companies deliver the co-financed hours; in a shock they deliver less and the subsidy that
// depends on those hours shrinks with them (seed 003, Van der Vegt).
double cofinancing_met(const SimulationState& s, const ModelParameters& p) {
    return s.economy_shock ? 1.0 - p.capacity_company_shock_cut : 1.0;
}

}  // namespace

void update_funding(SimulationState& s, const StepContext& c) {
    const auto& p = c.p;
    const int t = s.month;
    // One clock for the cycle: towards a shock while the economy is normal, towards its end
    // during one.
    const double hazard = s.economy_shock ? monthly_hazard(p.economy_shock_end_rate, s.shock_ends)
                                          : monthly_hazard(p.economy_shock_rate, s.shock_begins);
    if (clock_runs_out(s.business_cycle_clock, hazard)) {
        s.economy_shock = !s.economy_shock;
        c.log.add(
            t, s.economy_shock ? EventKind::economic_shock_began : EventKind::economic_shock_ended);
        s.business_cycle_clock =
            c.rng.exponential(DrawPurpose::business_cycle, static_cast<std::uint32_t>(t), 0);
    }

    double total = 0.0;
    const double met = cofinancing_met(s, p);
    for (std::size_t f = 0; f < c.scenario.funding.size(); ++f) {
        const auto& stream = c.scenario.funding[f];
        const bool running =
            t >= stream.start_month && (stream.end_month < 0 || t < stream.end_month);
        if (!running) {
            continue;
        }
        if (t == stream.start_month && t > 0) {
            c.log.add(t, EventKind::funding_started, -1, static_cast<int>(f));
        }
        // A stream needing a co-financing share s is cut by the share of those hours not met.
        const double delivered = 1.0 - stream.cofinancing_share * (1.0 - met);
        total += stream.monthly_amount * delivered;
    }
    if (s.effects.stable_funding) {
        total = std::max(total, s.funding_at_stable_start * s.effects.stable_level);
    }

    s.funding_prev = s.funding;
    s.funding = total;
    if (s.funding_prev > 0.0 && total < (1.0 - p.funding_cliff_drop) * s.funding_prev) {
        s.last_funding_drop = t;
        c.log.add(t, EventKind::funding_cliff, -1, -1, s.funding_prev, total);
    }

    if (s.economy_shock != s.capacity_in_shock) {
        // Capacities change only when a shock begins or ends.
        auto& a = s.partners;
        for (std::size_t i = 0; i < a.size(); ++i) {
            const bool company = a.type[i] == PartnerType::company;
            a.effective_capacity[i] =
                a.capacity[i] *
                (company && s.economy_shock ? 1.0 - p.capacity_company_shock_cut : 1.0);
        }
        s.capacity_in_shock = s.economy_shock;
    }
}

}  // namespace regiosim::model

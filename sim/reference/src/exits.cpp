// docs/ODD.md §7.10: exits.
#include "regiosim/reference/submodels.hpp"

namespace regiosim::reference {

namespace {

// The month's exit barrier b and what it makes of the two clocked rules' hazards.
struct ExitHazards {
    double returns;         // rule 2: p = 1 − b
    double low_commitment;  // rule 4: p = exit.hazard · (1 − b)
};

// §7.10: b = covenant.exit_barrier under a covenant; after the flywheel
// b ← 1 − (1 − b)(1 − flywheel.exit_protection).
ExitHazards exit_hazards(const ReferenceState& s, const Step& c) {
    const auto& p = c.p;
    double barrier = s.effects.covenant ? p.covenant_exit_barrier : 0.0;
    if (c.result.month_self_sustaining >= 0) {
        barrier = 1.0 - (1.0 - barrier) * (1.0 - p.flywheel_exit_protection);
    }
    return {monthly_hazard(1.0 - barrier), monthly_hazard(p.exit_hazard * (1.0 - barrier))};
}

// §7.10 rules 1–4 in turn for active partner i, after its bookkeeping; the first that holds
// makes it leave. A clock runs only in a month its rule's condition holds and no earlier rule
// made i leave.
bool leaves_by_rules(ReferenceState& s, const Step& c, std::size_t i, const ExitHazards& h) {
    const auto& p = c.p;
    Partner& a = s.partners[i];
    a.months_active += 1;
    if (a.style == Style::utilitair) {
        a.low_return_months =
            a.perceived_return < p.exit_utilitair_return ? a.low_return_months + 1 : 0;
    }
    if (a.style == Style::offensief && a.months_active >= p.style_offensief_patience &&
        a.invested > 0.0 && a.returned < p.style_offensief_required_ratio * a.invested) {
        leave(s, c, i, EventKind::offensief_pulled_out);
    } else if (a.style == Style::utilitair && a.low_return_months >= p.exit_utilitair_patience &&
               clock_runs_out(a.returns_exit_clock, h.returns)) {
        leave(s, c, i, EventKind::utilitair_left_for_returns);
    } else if (s.covenant_renewal_this_month && a.commitment < p.covenant_renewal_threshold &&
               c.rng.bernoulli(p.covenant_renewal_exit, DrawPurpose::renewal,
                               static_cast<std::uint32_t>(s.month),
                               static_cast<std::uint32_t>(i))) {
        leave(s, c, i, EventKind::left_at_renewal);
    } else if (a.commitment < p.exit_commitment_threshold &&
               clock_runs_out(a.exit_clock, h.low_commitment)) {
        leave(s, c, i, EventKind::partner_left);
    } else {
        return false;
    }
    return true;
}

}  // namespace

// §7.10 "leaving": inactive, no contribution, out of the team; a leaving team leader takes the
// team's trekker with it (§7.4). N drops at once: the rest of the month sees N − 1.
void leave(ReferenceState& s, const Step& c, std::size_t i, EventKind why) {
    Partner& a = s.partners[i];
    a.active = false;
    a.contribution = 0.0;
    a.team_member = false;
    c.log.add(s.month, why, static_cast<int>(i), -1, a.commitment);
    --s.n_active;
    if (static_cast<int>(i) == s.team_leader) {
        team_leader_lost(s, c, i);
    }
}

// §7.10: every partner active at the start of the step, in index order; then the renewal flag
// is cleared.
void decide_exits(ReferenceState& s, const Step& c) {
    const ExitHazards hazards = exit_hazards(s, c);
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.partners[i].active) {
            leaves_by_rules(s, c, i, hazards);
        }
    }
    s.covenant_renewal_this_month = false;
}

}  // namespace regiosim::reference

#include <algorithm>

#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

void remove_partner(SimulationState& s, const StepContext& c, std::size_t i, EventKind why) {
    s.partners.active[i] = 0;
    s.partners.contribution[i] = 0.0;
    s.row_sums = RowSumsHeld::stale;
    s.partners.team_member[i] = 0;
    c.log.add(s.month, why, static_cast<int>(i), -1, s.partners.commitment[i]);
    --s.n_active;
    if (static_cast<int>(i) == s.team_leader) {
        // The leader's organisation takes its trekker with it: the same loss as when the person
        // leaves, felt by the partners that stay.
        team_leader_lost(s, c, i);
    }
}

void admit_joining_partners(SimulationState& s, const StepContext& c) {
    auto& a = s.partners;
    const auto base = static_cast<float>(c.p.trust_initial);
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a.joined[i] || a.join_month[i] != s.month) {
            continue;
        }
        a.joined[i] = 1;
        a.active[i] = 1;
        s.row_sums = RowSumsHeld::stale;
        ++s.n_joined;
        if (s.month > 0) {
            // Newcomers start with the trust of strangers, whatever the others built meanwhile.
            const auto ii = static_cast<Eigen::Index>(i);
            for (Eigen::Index j = 0; j < s.trust.cols(); ++j) {
                if (j != ii) {
                    s.trust(ii, j) = base;
                    s.trust(j, ii) = base;
                }
            }
            c.log.add(s.month, EventKind::partner_joined, static_cast<int>(i));
        }
    }
    int active = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        active += a.active[i];
    }
    s.n_active = active;
}

void decide_exits(SimulationState& s, const StepContext& c) {
    const auto& p = c.p;
    auto& a = s.partners;
    const auto t = static_cast<std::uint32_t>(s.month);
    double barrier = s.effects.covenant ? p.covenant_exit_barrier : 0.0;
    if (c.result.month_self_sustaining >= 0) {
        barrier = 1.0 - (1.0 - barrier) * (1.0 - p.flywheel_exit_protection);
    }
    const double returns_hazard = monthly_hazard(1.0 - barrier, s.returns_exit);
    const double low_commitment_hazard =
        monthly_hazard(p.exit_hazard * (1.0 - barrier), s.partner_exit);
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a.active[i]) {
            continue;
        }
        ++a.months_active[i];
        const auto idx = static_cast<std::uint32_t>(i);

        if (a.style[i] == Style::offensief && a.months_active[i] >= p.style_offensief_patience &&
            a.invested[i] > 0.0 &&
            a.returned[i] < p.style_offensief_required_ratio * a.invested[i]) {
            remove_partner(s, c, i, EventKind::offensief_pulled_out);
            continue;
        }
        if (a.style[i] == Style::utilitair) {
            a.low_return_months[i] =
                a.perceived_return[i] < p.exit_utilitair_return ? a.low_return_months[i] + 1 : 0;
            if (a.low_return_months[i] >= p.exit_utilitair_patience &&
                clock_runs_out(a.returns_exit_clock[i], returns_hazard)) {
                remove_partner(s, c, i, EventKind::utilitair_left_for_returns);
                continue;
            }
        }
        if (s.covenant_renewal_this_month && a.commitment[i] < p.covenant_renewal_threshold &&
            c.rng.bernoulli(p.covenant_renewal_exit, DrawPurpose::renewal, t, idx)) {
            remove_partner(s, c, i, EventKind::left_at_renewal);
            continue;
        }
        if (a.commitment[i] < p.exit_commitment_threshold &&
            clock_runs_out(a.exit_clock[i], low_commitment_hazard)) {
            remove_partner(s, c, i, EventKind::partner_left);
        }
    }
    s.covenant_renewal_this_month = false;
}

}  // namespace regiosim::model

// docs/ODD.md §7.6: output, small successes and returns.
#include <algorithm>
#include <cmath>

#include "regiosim/reference/submodels.hpp"

namespace regiosim::reference {

namespace {

// §7.6: E = Σ_{i active} c_i κ̃_i skill_i (+ coordinator.own_work · intensity if present).
double joint_effort(const ReferenceState& s, const Step& c) {
    const auto& p = c.p;
    double effort = 0.0;
    for (const Partner& a : s.partners) {
        if (a.active) {
            const double skill =
                (1.0 - p.output_expertise_weight) + p.output_expertise_weight * a.expertise;
            effort += a.contribution * a.effective_capacity * skill;
        }
    }
    if (s.coordinator_present) {
        effort += p.coordinator_own_work * s.effects.coordinator_intensity;
    }
    return effort;
}

// §7.6: A, from last month's phase and this month's intention (before the success boost).
double action_index(const ReferenceState& s, const Step& c) {
    const auto& p = c.p;
    double action = p.output_self_organised_action *
                    (s.phase == Phase::forming ? p.output_forming_action : 1.0);
    if (s.effects.team && s.team_leader >= 0) {
        action += p.team_action_boost * (0.5 + 0.5 * s.intention);
    }
    return action;
}

// §7.6 "on success": S, the first success, intention; contributors' commitment and the trust
// between them grow with φ_i = c_i / c_max.
void celebrate_success(ReferenceState& s, const Step& c) {
    const auto& p = c.p;
    ++s.successes;
    if (c.result.months_to_first_success < 0) {
        c.result.months_to_first_success = s.month;
    }
    s.intention += p.success_intention_gain * (1.0 - s.intention);
    double largest = 0.0;
    for (const Partner& a : s.partners) {
        largest = a.active ? std::max(largest, a.contribution) : largest;
    }
    if (largest <= 0.0) {
        return;
    }
    for (Partner& a : s.partners) {
        if (a.active) {
            const double share = a.contribution / largest;
            a.commitment += p.success_commitment_gain * (0.5 + 0.5 * share) * (1.0 - a.commitment);
        }
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
        for (std::size_t j = 0; j < s.size(); ++j) {
            if (i == j || !s.partners[i].active || !s.partners[j].active) {
                continue;
            }
            const double together = std::sqrt(s.partners[i].contribution / largest *
                                              (s.partners[j].contribution / largest));
            double& t = s.trust_of(i, j);
            t += p.success_trust_gain * together * (1.0 - t);
        }
    }
}

// §7.6 "returns": r_i = (1 − w) min(1, a_i ρ) + w ψ; R_i smoothed; the offensief bookkeeping.
void update_returns(ReferenceState& s, const Step& c) {
    const auto& p = c.p;
    const double rho = s.output_per_partner / p.returns_output_reference;
    const double psi = s.n_active > 0
                           ? std::min(1.0, s.funding / (s.n_active * p.returns_subsidy_per_partner))
                           : 0.0;
    for (Partner& a : s.partners) {
        if (!a.active) {
            continue;
        }
        a.instant_return = (1.0 - p.returns_subsidy_weight) * std::min(1.0, a.alignment * rho) +
                           p.returns_subsidy_weight * psi;
        a.perceived_return += p.returns_smoothing * (a.instant_return - a.perceived_return);
        a.invested += a.contribution;
        a.returned += a.instant_return;
    }
}

}  // namespace

// §7.6: Y = productivity · E · A · σ · η · ν with last month's T̄ and C; the success clock with
// hazard Y / success.scale, whose threshold before success k is drawn at (k, 0, 0).
void produce_results(ReferenceState& s, const Step& c) {
    const auto& p = c.p;
    s.action = action_index(s, c);
    const double synergy = 1.0 + p.output_synergy * s.mean_trust;
    const double excess = std::max(0.0, s.n_active - p.size_optimal_partners);
    const double size_efficiency =
        1.0 / (1.0 + p.size_complexity * excess / p.size_optimal_partners);
    const double negotiation = 1.0 - p.output_negotiation_loss * s.conflict;
    s.output = p.output_productivity * joint_effort(s, c) * s.action * synergy * size_efficiency *
               negotiation;
    s.output_per_partner = s.n_active > 0 ? s.output / s.n_active : 0.0;
    s.cumulative_output += s.output;
    s.success_this_month = clock_runs_out(s.success_clock, s.output / p.success_scale);
    if (s.success_this_month) {
        s.success_clock = c.rng.exponential(DrawPurpose::small_success,
                                            static_cast<std::uint32_t>(s.successes + 1), 0, 0);
        celebrate_success(s, c);
    }
    update_returns(s, c);
}

}  // namespace regiosim::reference

// The rule of docs/ODD.md §7.6, as the reference engine states it plainly in
// sim/reference/src/output.cpp:
//
// clang-format off
//   skill_i = (1 − output.expertise_weight) + output.expertise_weight · e_i
//   E  = Σ_{i active} c_i κ̃_i skill_i  +  coordinator.own_work · intensity   (last term if present)
//   A  = output.self_organised_action · (output.forming_action if phase = forming, else 1)
//        + team.action_boost · (0.5 + 0.5 I)                                  (if a team leader is in post)
//   σ  = 1 + output.synergy · T̄
//   η  = 1 / (1 + size.complexity · max(0, N − size.optimal_partners) / size.optimal_partners)
//   ν  = 1 − output.negotiation_loss · C
//   Y  = output.productivity · E · A · σ · η · ν ;   y = Y / N ;   cumulative output += Y
//
//   success with probability 1 − exp(−Y / success.scale)   (a hazard clock with hazard Y / success.scale, §4.9)
//   on success:  S ← S + 1 ;  record the month of the first success
//                I ← I + success.intention_gain · (1 − I)
//                if c_max = max_i c_i > 0:  for active i with φ_i = c_i / c_max:
//                    m_i  ← m_i  + success.commitment_gain · (0.5 + 0.5 φ_i) · (1 − m_i)
//                    T_ij ← T_ij + success.trust_gain · √(φ_i φ_j) · (1 − T_ij)   for active j ≠ i
//
//   returns:  ρ = y / returns.output_reference ;  ψ = min(1, F / (N · returns.subsidy_per_partner))
//             r_i = (1 − returns.subsidy_weight) · min(1, a_i ρ) + returns.subsidy_weight · ψ
//             R_i ← R_i + returns.smoothing · (r_i − R_i)
//             invested_i += c_i ;  returned_i += r_i
//
// clang-format on
// Below, the fast engine computes it: in the partners' single-precision lanes, with kernels
// over whole vector blocks (machinery/), which give the same result up to rounding.

#include <algorithm>
#include <cmath>

#include "../machinery/partner_sums.hpp"
#include "../machinery/vector_block.hpp"
#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

namespace {

double action_index(const SimulationState& s, const ModelParameters& p) {
    double action = p.output_self_organised_action;
    if (s.phase == Phase::forming) {
        action *= p.output_forming_action;
    }
    if (s.effects.team && s.team_leader >= 0) {
        // The team turns intention into action (seed 001: 'motor van de samenwerking').
        action += p.team_action_boost * (0.5 + 0.5 * s.intention);
    }
    return action;
}

double size_efficiency(int active, const ModelParameters& p) {
    const double excess = std::max(0.0, active - p.size_optimal_partners);
    return 1.0 / (1.0 + p.size_complexity * excess / p.size_optimal_partners);
}

// The returns every active partner perceives this month (docs/ODD.md §7.6).
struct UpdateReturns {
    struct Terms {
        float result_return;  // ρ: the joint result per partner against its reference
        float result_weight;  // 1 − returns.subsidy_weight
        float subsidy_part;   // returns.subsidy_weight times the subsidy's share
        float smoothing;
    };

    template <class B>
    [[gnu::always_inline]] static void run(const Terms k, PartnerArrays& a) {
        // Copies: the compiler cannot tell that the stores below leave them unchanged.
        const std::size_t stride = a.stride();
        const float* __restrict active = a.active.data();
        const float* __restrict given = a.contribution.data();
        const float* __restrict alignment = a.alignment.data();
        float* __restrict instant_return = a.instant_return.data();
        float* __restrict perceived = a.perceived_return.data();
        float* __restrict invested = a.invested.data();
        float* __restrict returned = a.returned.data();
        const B one = B{} + 1.0F;
        for (std::size_t i = 0; i < stride; i += lanes_of<B>) {
            const auto is_active = load_block<B>(active + i) != 0.0F;
            const B served = load_block<B>(alignment + i) * k.result_return;
            const B instant = k.result_weight * (served < one ? served : one) + k.subsidy_part;
            const B before = load_block<B>(perceived + i);
            const B out = load_block<B>(invested + i);
            const B back = load_block<B>(returned + i);
            store_block(instant_return + i,
                        is_active ? instant : load_block<B>(instant_return + i));
            store_block(perceived + i,
                        is_active ? before + k.smoothing * (instant - before) : before);
            store_block(invested + i, is_active ? out + load_block<B>(given + i) : out);
            store_block(returned + i, is_active ? back + instant : back);
        }
    }
};

// Those who contributed see a success as theirs: commitment grows with the share of the largest
// contribution, and the trust update reads √share (update_trust).
struct ShareSuccessLanes {
    template <class B>
    [[gnu::always_inline]] static void run(float commitment_gain, float max_contribution,
                                           PartnerArrays& a, float* root_share) {
        // Copies: the compiler cannot tell that the stores below leave them unchanged.
        const std::size_t stride = a.stride();
        const float* __restrict active = a.active.data();
        const float* __restrict given = a.contribution.data();
        float* __restrict commitment = a.commitment.data();
        for (std::size_t i = 0; i < stride; i += lanes_of<B>) {
            const B share = load_block<B>(given + i) / max_contribution;
            store_block(root_share + i, square_root(share));
            const B m = load_block<B>(commitment + i);
            const B gained = m + commitment_gain * (0.5F + 0.5F * share) * (1.0F - m);
            store_block(commitment + i, load_block<B>(active + i) != 0.0F ? gained : m);
        }
    }
};

void celebrate_success(SimulationState& s, const StepContext& c, double max_contribution) {
    const auto& p = c.p;
    auto& a = s.partners;
    ++s.successes;
    if (c.result.months_to_first_success < 0) {
        c.result.months_to_first_success = s.month;
    }
    s.intention += p.success_intention_gain * (1.0 - s.intention);
    if (max_contribution <= 0.0) {
        return;
    }
    dispatch_by_isa<ShareSuccessLanes>(single(p.success_commitment_gain), single(max_contribution),
                                       a, s.lanes.root_share.data());
    // Trust of every active partner i in every active partner j grows with what both put into
    // the success, √(φ_i φ_j), taken as √φ_i · √φ_j: applied by this month's trust update, which
    // follows, in the same pass over the matrix (update_trust).
    s.shared_success_gain = single(p.success_trust_gain);
}

}  // namespace

void produce_results(SimulationState& s, const StepContext& c) {
    const auto& p = c.p;
    auto& a = s.partners;
    // The partners' part of the joint effort, added up by decide_contributions.
    double effort = s.contribution_totals.effort;
    const double max_contribution = s.contribution_totals.largest;
    if (s.coordinator_present) {
        effort += p.coordinator_own_work * s.effects.coordinator_intensity;
    }
    s.action = action_index(s, p);
    const double synergy = 1.0 + p.output_synergy * s.mean_trust;
    const double negotiation = 1.0 - p.output_negotiation_loss * s.conflict;
    s.output = p.output_productivity * effort * s.action * synergy *
               size_efficiency(s.n_active, p) * negotiation;
    s.output_per_partner = s.n_active > 0 ? s.output / s.n_active : 0.0;
    s.cumulative_output += s.output;

    // A success with probability 1 − exp(−Y / scale): a hazard clock with hazard Y / scale
    // (docs/ODD.md §4.9), whose k-th threshold is the same in every arm.
    s.success_this_month = clock_runs_out(s.success_clock, s.output / p.success_scale);
    if (s.success_this_month) {
        s.success_clock = c.rng.exponential(DrawPurpose::small_success,
                                            static_cast<std::uint32_t>(s.successes + 1), 0);
        celebrate_success(s, c, max_contribution);
    }

    // Perceived return: a share of the joint result as far as it serves the own agenda, and
    // a share of the subsidy.
    const double result_return = s.output_per_partner / p.returns_output_reference;
    // The subsidy is shared: the more partners, the smaller each one's part of it.
    const double subsidy_return =
        s.n_active > 0 ? std::min(1.0, s.funding / (s.n_active * p.returns_subsidy_per_partner))
                       : 0.0;
    const UpdateReturns::Terms terms{single(result_return), single(1.0 - p.returns_subsidy_weight),
                                     single(p.returns_subsidy_weight * subsidy_return),
                                     single(p.returns_smoothing)};
    dispatch_by_isa<UpdateReturns>(terms, a);
}

}  // namespace regiosim::model

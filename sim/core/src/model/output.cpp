#include <algorithm>
#include <cmath>

#include "../vector_block.hpp"
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

// Trust of every active partner i in every active partner j grows with what both put into the
// success, √(share_i · share_j), taken as √share_i · √share_j so that the pair loop has no square
// root. Column by column, in whole row blocks of the padded matrix (padding rows are inactive).
struct ShareSuccess {
    template <class Blocks>
    [[gnu::always_inline]] static void run(float gain, const float* root_share, const float* active,
                                           std::size_t n, TrustMatrix& trust) {
        using B = typename Blocks::TrustBlock;
        const B one = broadcast<B>(1.0F);
        for (std::size_t j = 0; j < n; ++j) {
            if (active[j] == 0.0F) {
                continue;
            }
            float* column = trust.column(j);
            const float own = column[j];
            const float root_share_j = root_share[j];
            for (std::size_t r = 0; r < trust.stride(); r += lanes_of<B>) {
                const B before = load_block<B>(column + r);
                const B together = load_block<B>(root_share + r) * root_share_j;
                const B after = before + gain * together * (one - before);
                store_block(column + r, load_block<B>(active + r) != 0.0F ? after : before);
            }
            column[j] = own;
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
    const auto n = a.size();
    auto& lanes = s.lanes;
    for (std::size_t i = 0; i < n; ++i) {
        lanes.active[i] = a.active[i] ? 1.0F : 0.0F;
        // Those who contributed see the success as theirs.
        const double share = a.contribution[i] / max_contribution;
        lanes.root_share[i] = static_cast<float>(std::sqrt(share));
        if (a.active[i]) {
            a.commitment[i] +=
                p.success_commitment_gain * (0.5 + 0.5 * share) * (1.0 - a.commitment[i]);
        }
    }
    dispatch_by_isa<ShareSuccess>(static_cast<float>(p.success_trust_gain), lanes.root_share.data(),
                                  lanes.active.data(), n, s.trust);
    s.row_sums = RowSumsHeld::stale;
}

}  // namespace

void produce_results(SimulationState& s, const StepContext& c) {
    const auto& p = c.p;
    auto& a = s.partners;
    double effort = 0.0;
    double max_contribution = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a.active[i]) {
            continue;
        }
        const double skill =
            (1.0 - p.output_expertise_weight) + p.output_expertise_weight * a.expertise[i];
        effort += a.contribution[i] * a.effective_capacity[i] * skill;
        max_contribution = std::max(max_contribution, a.contribution[i]);
    }
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

    const double p_success = 1.0 - std::exp(-s.output / p.success_scale);
    s.success_this_month = c.rng.bernoulli(p_success, DrawPurpose::small_success,
                                           static_cast<std::uint32_t>(s.month), 0);
    if (s.success_this_month) {
        celebrate_success(s, c, max_contribution);
    }

    // Perceived return: a share of the joint result as far as it serves the own agenda, and
    // a share of the subsidy.
    const double result_return = s.output_per_partner / p.returns_output_reference;
    // The subsidy is shared: the more partners, the smaller each one's part of it.
    const double subsidy_return =
        s.n_active > 0 ? std::min(1.0, s.funding / (s.n_active * p.returns_subsidy_per_partner))
                       : 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a.active[i]) {
            continue;
        }
        const double instant =
            (1.0 - p.returns_subsidy_weight) * std::min(1.0, a.alignment[i] * result_return) +
            p.returns_subsidy_weight * subsidy_return;
        a.instant_return[i] = instant;
        a.perceived_return[i] += p.returns_smoothing * (instant - a.perceived_return[i]);
        a.invested[i] += a.contribution[i];
        a.returned[i] += instant;
    }
}

}  // namespace regiosim::model

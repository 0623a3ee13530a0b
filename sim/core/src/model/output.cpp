#include <algorithm>
#include <cmath>

#include "../partner_sums.hpp"
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

// The returns every active partner perceives this month (docs/ODD.md §7.6).
struct UpdateReturns {
    template <class Blocks>
    [[gnu::always_inline]] static void run(const ModelParameters& p, double result_return,
                                           double subsidy_return, PartnerArrays& a) {
        using D = typename Blocks::PartnerBlock;
        // Copies: the compiler cannot tell that the stores below leave them unchanged.
        const std::size_t stride = a.stride();
        const double* __restrict active = a.active.data();
        const double* __restrict given = a.contribution.data();
        const double* __restrict alignment = a.alignment.data();
        double* __restrict instant_return = a.instant_return.data();
        double* __restrict perceived = a.perceived_return.data();
        double* __restrict invested = a.invested.data();
        double* __restrict returned = a.returned.data();
        const D one = D{} + 1.0;
        const double result_weight = 1.0 - p.returns_subsidy_weight;
        const double subsidy_part = p.returns_subsidy_weight * subsidy_return;
        const double smoothing = p.returns_smoothing;
        for (std::size_t i = 0; i < stride; i += lanes_of<D>) {
            const auto is_active = load_block<D>(active + i) != 0.0;
            const D served = load_block<D>(alignment + i) * result_return;
            const D instant = result_weight * (served < one ? served : one) + subsidy_part;
            const D before = load_block<D>(perceived + i);
            const D out = load_block<D>(invested + i);
            const D back = load_block<D>(returned + i);
            store_block(instant_return + i,
                        is_active ? instant : load_block<D>(instant_return + i));
            store_block(perceived + i,
                        is_active ? before + smoothing * (instant - before) : before);
            store_block(invested + i, is_active ? out + load_block<D>(given + i) : out);
            store_block(returned + i, is_active ? back + instant : back);
        }
    }
};

// Those who contributed see a success as theirs: commitment grows with the share of the largest
// contribution, and the pair loop (ShareSuccess) reads √share in a float lane.
struct ShareSuccessLanes {
    template <class Blocks>
    [[gnu::always_inline]] static void run(double commitment_gain, double max_contribution,
                                           PartnerArrays& a, float* active_lane,
                                           float* root_share) {
        using D = typename Blocks::PartnerBlock;
        // Copies: the compiler cannot tell that the stores below leave them unchanged.
        const std::size_t stride = a.stride();
        const double* __restrict active = a.active.data();
        const double* __restrict given = a.contribution.data();
        double* __restrict commitment = a.commitment.data();
        for (std::size_t i = 0; i < stride; i += lanes_of<D>) {
            const D is = load_block<D>(active + i);
            const D share = load_block<D>(given + i) / max_contribution;
            store_as_floats(active_lane + i, is);
            store_as_floats(root_share + i, square_root(share));
            const D m = load_block<D>(commitment + i);
            const D gained = m + commitment_gain * (0.5 + 0.5 * share) * (1.0 - m);
            store_block(commitment + i, is != 0.0 ? gained : m);
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
    auto& lanes = s.lanes;
    dispatch_by_isa<ShareSuccessLanes>(p.success_commitment_gain, max_contribution, a,
                                       lanes.active.data(), lanes.root_share.data());
    dispatch_by_isa<ShareSuccess>(static_cast<float>(p.success_trust_gain), lanes.root_share.data(),
                                  lanes.active.data(), a.size(), s.trust);
    s.row_sums = RowSumsHeld::stale;
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
    dispatch_by_isa<UpdateReturns>(p, result_return, subsidy_return, a);
}

}  // namespace regiosim::model

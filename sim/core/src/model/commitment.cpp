// The rule of docs/ODD.md §7.9, as the reference engine states it plainly in
// sim/reference/src/commitment.cpp:
//
// clang-format off
//   π = commitment.intention_gain · I · min(1, A) · (1 − commitment.policy_pressure_penalty · policy_pressure)
//   d = commitment.decay · (1 − vertical.decay_reduction   if vertical structure)
//   revival = coordinator present and m̄ < coordinator.revival_threshold
//
//   for each active i:
//       T̂_i = mean_{j≠i active} T_ij ;  Ō_i = (Σ_{j active} c_j − c_i) / n_o ;  K_i = K − kartrekker_i
//       Δ =   commitment.return_gain · β_i · (R_i − commitment.return_reference)
//           + π · (1 − m_i)
//           + commitment.kartrekker_pull · K_i / n_o · (1 − m_i)
//           + commitment.trust_gain · (T̂_i − 0.5)
//           − d · m_i
//           − commitment.frustration · max(0, c_i − Ō_i)             (not for overstijgend)
//           − commitment.conflict_erosion · C · (1 − a_i)
//           + coordinator.revival_gain · (1 − m_i)                   (if revival)
//       m_i ← clamp(m_i + Δ)
//       e_i ← e_i + key_figure.expertise_growth · c_i · (1 − e_i)
//
//   β_i = 1 for defensief and utilitair, commitment.return_sensitivity_offensief for offensief,
//         commitment.return_sensitivity_overstijgend for overstijgend
//
// clang-format on
// Below, the fast engine computes it: in the partners' single-precision lanes, with kernels
// over whole vector blocks (machinery/), which give the same result up to rounding.

#include <algorithm>

#include "../machinery/vector_block.hpp"
#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

namespace {

// This month's terms of the commitment rule that are the same for every partner.
// In the lanes' single precision.
struct CommitmentTerms {
    float return_gain;
    float return_reference;
    float intention_pull;
    float kartrekker_pull;
    float trust_gain;
    float decay;
    float frustration;
    float conflict_erosion;  // commitment.conflict_erosion · C
    float revival_gain;      // 0 unless the coordinator revives the group
    float expertise_growth;
    float total_contribution;
    float kartrekkers;
    float others;  // active partners besides the one deciding
    bool revival;
};

// Every partner's commitment and expertise at once, in whole vector blocks of the padded lanes:
// each rule's term is computed for all and kept where it applies (styles, activity), so that the
// loop has no branches; a term that does not apply is left out of the sum, not added as zero, so
// every value is bit-identical to the rule applied partner by partner.
struct UpdatePartners {
    template <class D>
    [[gnu::always_inline]] static void run(const CommitmentTerms k, PartnerArrays& a,
                                           const float* row_sum_in) {
        // Copies: the compiler cannot tell that the stores below leave them unchanged.
        const std::size_t stride = a.stride();
        const float* __restrict row_sum = row_sum_in;
        const float* __restrict active = a.active.data();
        const float* __restrict given = a.contribution.data();
        const float* __restrict kartrekker = a.kartrekker.data();
        const float* __restrict sensitivity = a.return_sensitivity.data();
        const float* __restrict perceived = a.perceived_return.data();
        const float* __restrict tires = a.tires_of_giving_more.data();
        const float* __restrict alignment = a.alignment.data();
        float* __restrict commitment = a.commitment.data();
        float* __restrict expertise = a.expertise.data();
        const D zero = {};
        const D one = zero + 1.0F;
        const bool others = k.others > 0.0F;
        for (std::size_t i = 0; i < stride; i += lanes_of<D>) {
            const D m = load_block<D>(commitment + i);
            const D c = load_block<D>(given + i);
            const D own_trust = others ? load_block<D>(row_sum + i) / k.others : zero;
            const D others_mean = others ? (k.total_contribution - c) / k.others : zero;
            const D other_kartrekkers = k.kartrekkers - load_block<D>(kartrekker + i);

            D dm = k.return_gain * load_block<D>(sensitivity + i) *
                   (load_block<D>(perceived + i) - k.return_reference);
            dm += k.intention_pull * (1.0F - m);
            dm += others ? k.kartrekker_pull * other_kartrekkers / k.others * (1.0F - m) : zero;
            dm += k.trust_gain * (own_trust - 0.5F);
            dm -= k.decay * m;
            // Conditional cooperators tire of giving more than others (Fischbacher & Gächter
            // 2010).
            const D excess = c - others_mean;
            const D frustrated = dm - k.frustration * (0.0F < excess ? excess : zero);
            dm = load_block<D>(tires + i) != 0.0F ? frustrated : dm;
            dm -= k.conflict_erosion * (1.0F - load_block<D>(alignment + i));
            if (k.revival) {
                dm += k.revival_gain * (1.0F - m);
            }
            D next = m + dm;  // std::clamp(next, 0, 1), branch-free
            next = next < 0.0F ? zero : next;
            next = 1.0F < next ? one : next;
            const auto is_active = load_block<D>(active + i) != 0.0F;
            store_block(commitment + i, is_active ? next : m);
            const D e = load_block<D>(expertise + i);
            store_block(expertise + i, is_active ? e + k.expertise_growth * c * (1.0F - e) : e);
        }
    }
};

}  // namespace

double return_sensitivity(Style style, const ModelParameters& p) noexcept {
    // An overstijgend partner carries the joint agenda regardless of gain; an offensief one
    // accepts low returns while it invests.
    switch (style) {
        case Style::overstijgend:
            return p.commitment_return_sensitivity_overstijgend;
        case Style::offensief:
            return p.commitment_return_sensitivity_offensief;
        default:
            return 1.0;
    }
}

void update_commitment(SimulationState& s, const StepContext& c) {
    const auto& p = c.p;
    const auto& ctx = c.scenario.context;
    auto& a = s.partners;
    // Added up by decide_contributions; neither the contributions nor who is active changed since.
    const ContributionTotals& totals = s.contribution_totals;
    CommitmentTerms k{};
    k.return_gain = single(p.commitment_return_gain);
    k.return_reference = single(p.commitment_return_reference);
    // Intention becomes commitment only where there is action to join (contracts and trust are
    // complements: Poppo & Zenger 2002); policy pressure spoils part of it (seed 001).
    k.intention_pull = single(p.commitment_intention_gain * s.intention * std::min(1.0, s.action) *
                              (1.0 - p.commitment_policy_pressure_penalty * ctx.policy_pressure));
    k.kartrekker_pull = single(p.commitment_kartrekker_pull);
    k.trust_gain = single(p.commitment_trust_gain);
    k.decay =
        single(p.commitment_decay * (s.effects.vertical ? 1.0 - p.vertical_decay_reduction : 1.0));
    k.frustration = single(p.commitment_frustration);
    k.conflict_erosion = single(p.commitment_conflict_erosion * s.conflict);
    k.revival = s.coordinator_present && s.mean_commitment < p.coordinator_revival_threshold;
    k.revival_gain = single(p.coordinator_revival_gain);
    k.expertise_growth = single(p.key_figure_expertise_growth);
    k.total_contribution = single(totals.given);
    k.kartrekkers = single(totals.kartrekkers);
    k.others = single(s.n_active - 1);
    dispatch_by_isa<UpdatePartners>(k, a, s.row_sum.data());
}

}  // namespace regiosim::model

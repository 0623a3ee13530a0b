#include <algorithm>

#include "../vector_block.hpp"
#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

namespace {

// This month's terms of the commitment rule that are the same for every partner.
struct CommitmentTerms {
    double return_gain;
    double return_reference;
    double intention_pull;
    double kartrekker_pull;
    double trust_gain;
    double decay;
    double frustration;
    double conflict_erosion;  // commitment.conflict_erosion · C
    double revival_gain;      // 0 unless the coordinator revives the group
    double expertise_growth;
    double total_contribution;
    double kartrekkers;
    double others;  // active partners besides the one deciding
    bool revival;
};

// Every partner's commitment and expertise at once, in whole vector blocks of the padded lanes:
// each rule's term is computed for all and kept where it applies (styles, activity), so that the
// loop has no branches; a term that does not apply is left out of the sum, not added as zero, so
// every value is bit-identical to the rule applied partner by partner.
struct UpdatePartners {
    template <class Blocks>
    [[gnu::always_inline]] static void run(const CommitmentTerms k, PartnerArrays& a,
                                           const double* row_sum_in) {
        using D = typename Blocks::PartnerBlock;
        // Copies: the compiler cannot tell that the stores below leave them unchanged.
        const std::size_t stride = a.stride();
        const double* __restrict row_sum = row_sum_in;
        const double* __restrict active = a.active.data();
        const double* __restrict given = a.contribution.data();
        const double* __restrict kartrekker = a.kartrekker.data();
        const double* __restrict sensitivity = a.return_sensitivity.data();
        const double* __restrict perceived = a.perceived_return.data();
        const double* __restrict tires = a.tires_of_giving_more.data();
        const double* __restrict alignment = a.alignment.data();
        double* __restrict commitment = a.commitment.data();
        double* __restrict expertise = a.expertise.data();
        const D zero = {};
        const D one = zero + 1.0;
        const bool others = k.others > 0.0;
        for (std::size_t i = 0; i < stride; i += lanes_of<D>) {
            const D m = load_block<D>(commitment + i);
            const D c = load_block<D>(given + i);
            const D own_trust = others ? load_block<D>(row_sum + i) / k.others : zero;
            const D others_mean = others ? (k.total_contribution - c) / k.others : zero;
            const D other_kartrekkers = k.kartrekkers - load_block<D>(kartrekker + i);

            D dm = k.return_gain * load_block<D>(sensitivity + i) *
                   (load_block<D>(perceived + i) - k.return_reference);
            dm += k.intention_pull * (1.0 - m);
            dm += others ? k.kartrekker_pull * other_kartrekkers / k.others * (1.0 - m) : zero;
            dm += k.trust_gain * (own_trust - 0.5);
            dm -= k.decay * m;
            // Conditional cooperators tire of giving more than others (Fischbacher & Gächter
            // 2010).
            const D excess = c - others_mean;
            const D frustrated = dm - k.frustration * (0.0 < excess ? excess : zero);
            dm = load_block<D>(tires + i) != 0.0 ? frustrated : dm;
            dm -= k.conflict_erosion * (1.0 - load_block<D>(alignment + i));
            if (k.revival) {
                dm += k.revival_gain * (1.0 - m);
            }
            D next = m + dm;  // std::clamp(next, 0.0, 1.0), branch-free
            next = next < 0.0 ? zero : next;
            next = 1.0 < next ? one : next;
            const auto is_active = load_block<D>(active + i) != 0.0;
            store_block(commitment + i, is_active ? next : m);
            const D e = load_block<D>(expertise + i);
            store_block(expertise + i, is_active ? e + k.expertise_growth * c * (1.0 - e) : e);
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
    k.return_gain = p.commitment_return_gain;
    k.return_reference = p.commitment_return_reference;
    // Intention becomes commitment only where there is action to join (contracts and trust are
    // complements: Poppo & Zenger 2002); policy pressure spoils part of it (seed 001).
    k.intention_pull = p.commitment_intention_gain * s.intention * std::min(1.0, s.action) *
                       (1.0 - p.commitment_policy_pressure_penalty * ctx.policy_pressure);
    k.kartrekker_pull = p.commitment_kartrekker_pull;
    k.trust_gain = p.commitment_trust_gain;
    k.decay = p.commitment_decay * (s.effects.vertical ? 1.0 - p.vertical_decay_reduction : 1.0);
    k.frustration = p.commitment_frustration;
    k.conflict_erosion = p.commitment_conflict_erosion * s.conflict;
    k.revival = s.coordinator_present && s.mean_commitment < p.coordinator_revival_threshold;
    k.revival_gain = p.coordinator_revival_gain;
    k.expertise_growth = p.key_figure_expertise_growth;
    k.total_contribution = totals.given;
    k.kartrekkers = totals.kartrekkers;
    k.others = s.n_active - 1;
    dispatch_by_isa<UpdatePartners>(k, a, s.row_sum.data());
}

}  // namespace regiosim::model

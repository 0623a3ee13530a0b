// The rule of docs/ODD.md §7.5, as the reference engine states it plainly in
// sim/reference/src/contributions.cpp:
//
// clang-format off
//   Ō_i   = (Σ_{j active} c'_j − c'_i) / (N − 1)                       (0 if N ≤ 1)
//   Ō^T_i = Σ_{j≠i active} T_ij c'_j / Σ_{j≠i active} T_ij             (utilitair only; 0 if no weight)
//
//   style rule s_i:
//     defensief     s = style.defensief_base + style.defensief_slope · Ō_i
//     utilitair     s = (style.utilitair_base + style.utilitair_slope · Ō^T_i)
//                       · min(1, R_i / style.utilitair_required_return)
//     offensief     s = style.offensief_invest · (0.5 + 0.5 a_i)
//     overstijgend  s = style.overstijgend_base + style.overstijgend_slope · Ō_i
//
//   x = clamp(s)
//   w_i = style.willingness_floor + (1 − style.willingness_floor) · m_i         (willingness)
//   h_i = 1 − C · (1 − a_i)                                                    (hold-back)
//   γ   = 1 − coordinator.crowding · intensity   if the coordinator is present, else 1
//   x ← x · w_i · h_i · γ
//   if performance agreements and style ∈ {defensief, utilitair}:
//       x ← max(x, agreements.level · agreements.compliance · w_i)
//   if a team leader is in post and i is a team member:
//       x ← x + team.member_focus · (1 − x)
//   c_i = clamp(x)
//
// clang-format on
// Below, the fast engine computes it: in the partners' single-precision lanes, with kernels
// over whole vector blocks (machinery/), which give the same result up to rounding.

#include <algorithm>

#include "../machinery/partner_sums.hpp"
#include "../machinery/vector_block.hpp"
#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

namespace {

// This month's terms of the contribution rule that are the same for every partner, in the lanes'
// single precision.
struct ContributionTerms {
    float total;   // what the active partners gave last month
    float others;  // active partners besides the one deciding
    float required_return;
    float willingness_floor;
    float conflict;
    float crowding;
    float agreement_floor;  // agreements.level · agreements.compliance
    float team_focus;
    float expertise_weight;
    bool agreements;
    bool team_working;
};

// Every partner's contribution at once, in whole vector blocks of the padded lanes: each term is
// computed for all partners and kept where it applies (style, activity), so that the loop has no
// branches. The style's rule is base + slope · others, times the utilitair partner's sure gain
// (docs/ODD.md §7.5); for the other styles the factor is 1 and `others` the plain mean, which
// gives the same bits as the rule written style by style. On the way it adds up what the month's
// contributions amount to (ContributionTotals), in the model's order of a sum over partners.
struct DecideContributions {
    template <class D>
    [[gnu::always_inline]] static void run(const ContributionTerms k, PartnerArrays& a,
                                           const float* row_sum, const float* row_weighted_sum,
                                           ContributionTotals& totals) {
        constexpr std::size_t L = lanes_of<D>;
        // Copies: the compiler cannot tell that the stores below leave them unchanged.
        const std::size_t stride = a.stride();
        const float* __restrict active = a.active.data();
        const float* __restrict given = a.prev_contribution.data();
        const float* __restrict utilitair = a.utilitair.data();
        const float* __restrict base = a.contribution_base.data();
        const float* __restrict slope = a.contribution_slope.data();
        const float* __restrict perceived = a.perceived_return.data();
        const float* __restrict commitment = a.commitment.data();
        const float* __restrict alignment = a.alignment.data();
        const float* __restrict held = a.held_by_agreements.data();
        const float* __restrict member = a.team_member.data();
        const float* __restrict kartrekker = a.kartrekker.data();
        const float* __restrict capacity = a.effective_capacity.data();
        const float* __restrict expertise = a.expertise.data();
        float* __restrict contribution = a.contribution.data();
        const D zero = {};
        const D one = zero + 1.0F;
        const bool several = k.others > 0.0F;
        PartnerSum<D> total;
        PartnerSum<D> effort;
        PartnerSum<D> kartrekkers;
        D largest = zero;
        for (std::size_t group = 0; group < stride; group += partial_sums) {
            for (std::size_t h = 0; h < PartnerSum<D>::parts; ++h) {
                const std::size_t i = group + h * L;
                // Give and take partner by partner: a utilitair partner counts the others as
                // much as it trusts them, Σ_j T_ij c_j / Σ_j T_ij; the others take the plain
                // mean. One division serves both: each lane divides the operands of its rule.
                const D weights = load_block<D>(row_sum + i);
                const auto weighs_by_trust = load_block<D>(utilitair + i) != 0.0F;
                const D numerator = weighs_by_trust ? load_block<D>(row_weighted_sum + i)
                                                    : k.total - load_block<D>(given + i);
                const D denominator = weighs_by_trust ? weights : zero + k.others;
                const D quotient = numerator / denominator;
                const D others = weighs_by_trust ? (weights > 0.0F ? quotient : zero)
                                                 : (several ? quotient : zero);
                const D ratio = load_block<D>(perceived + i) / k.required_return;
                const D sure_gain =
                    weighs_by_trust ? (ratio < one ? ratio : one) : one;  // std::min(1, ratio)
                D x = (load_block<D>(base + i) + load_block<D>(slope + i) * others) * sure_gain;
                x = x < 0.0F ? zero : x;  // std::clamp(x, 0, 1), branch-free
                x = 1.0F < x ? one : x;
                const D willingness = k.willingness_floor +
                                      (1.0F - k.willingness_floor) * load_block<D>(commitment + i);
                // Interests that are not arranged make partners hold back (seed 001).
                const D align = load_block<D>(alignment + i);
                const D holdback = 1.0F - k.conflict * (1.0F - align);
                x = x * (willingness * holdback * k.crowding);
                if (k.agreements) {
                    const D floor = k.agreement_floor * willingness;
                    const D bound = x < floor ? floor : x;  // std::max(x, floor)
                    x = load_block<D>(held + i) != 0.0F ? bound : x;
                }
                if (k.team_working) {
                    x = load_block<D>(member + i) != 0.0F ? x + k.team_focus * (1.0F - x) : x;
                }
                x = x < 0.0F ? zero : x;
                x = 1.0F < x ? one : x;
                const auto is_active = load_block<D>(active + i) != 0.0F;
                const D c = is_active ? x : zero;
                store_block(contribution + i, c);
                // What the month's contributions amount to (§7.6, §7.9).
                const D skill =
                    (1.0F - k.expertise_weight) + k.expertise_weight * load_block<D>(expertise + i);
                total.add(h, c);
                effort.add(h, is_active ? c * load_block<D>(capacity + i) * skill : zero);
                kartrekkers.add(h, is_active ? load_block<D>(kartrekker + i) : zero);
                largest = is_active && largest < c ? c : largest;
            }
        }
        totals.given = total.total();
        totals.effort = effort.total();
        totals.kartrekkers = kartrekkers.total();
        totals.largest = largest_lane(largest);
    }
};

}  // namespace

ContributionRule contribution_rule(Style style, double alignment,
                                   const ModelParameters& p) noexcept {
    // Jonsson & Jonsson 2025 linear rules; seed 001 styles. The utilitair partner's base and
    // slope are multiplied by its sure gain (DecideContributions).
    switch (style) {
        case Style::defensief:
            return {p.style_defensief_base, p.style_defensief_slope};
        case Style::utilitair:
            return {p.style_utilitair_base, p.style_utilitair_slope};
        case Style::offensief:
            return {p.style_offensief_invest * (0.5 + 0.5 * alignment), 0.0};
        case Style::overstijgend:
            return {p.style_overstijgend_base, p.style_overstijgend_slope};
    }
    return {0.0, 0.0};
}

void decide_contributions(SimulationState& s, const StepContext& c) {
    const auto& p = c.p;
    auto& a = s.partners;
    // Last month's contributions become what was given; the kernel below writes every lane of
    // this month's.
    a.prev_contribution.swap(a.contribution);
    // Σ c_i over the active partners: the kernel added it up last month, in the same order, over
    // the same partners, unless who is active changed since.
    const double total =
        s.given_total_at == s.active_changes
            ? s.contribution_totals.given
            : sums_over_active<1>(a.active.data(), a.stride(), {a.prev_contribution.data()})[0];
    if (s.utilitair_partners && s.row_sums != RowSumsHeld::plain_and_weighted) {
        sum_trust_rows(s, a.prev_contribution.data());
    }
    ContributionTerms k{};
    k.total = single(total);
    k.others = single(s.n_active - 1);
    k.required_return = single(p.style_utilitair_required_return);
    k.willingness_floor = single(p.style_willingness_floor);
    k.conflict = single(s.conflict);
    k.crowding = single(s.coordinator_present
                            ? 1.0 - p.coordinator_crowding * s.effects.coordinator_intensity
                            : 1.0);
    k.agreement_floor = single(p.agreements_level * p.agreements_compliance);
    k.team_focus = single(p.team_member_focus);
    k.expertise_weight = single(p.output_expertise_weight);
    k.agreements = s.effects.agreements;
    k.team_working = s.effects.team && s.team_leader >= 0;
    dispatch_by_isa<DecideContributions>(k, a, s.row_sum.data(), s.row_weighted_sum.data(),
                                         s.contribution_totals);
    s.given_total_at = s.active_changes;
}

}  // namespace regiosim::model

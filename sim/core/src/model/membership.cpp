// The rule of docs/ODD.md §7.1, as the reference engine states it plainly in
// sim/reference/src/admission.cpp:
//
// clang-format off
//   for each partner i with joined_i = 0 and join_month_i = t:
//       joined_i ← 1 ; active_i ← 1 ; N_J ← N_J + 1
//       if t > 0:  T_ij ← T_ji ← trust.initial   for every j ≠ i   ; log partner_joined
//   if anyone joined:  refresh N, m̄ and T̄ as in §7.11     (month 0 included, §5)
//
// clang-format on
// The rule of docs/ODD.md §7.10, as the reference engine states it plainly in
// sim/reference/src/exits.cpp:
//
// clang-format off
//   b = covenant.exit_barrier   if covenant, else 0
//   if the collaboration has become self-sustaining:  b ← 1 − (1 − b)(1 − flywheel.exit_protection)
//
//   for each active i (index order):  months_active_i += 1 ; then rules 1–4 in turn until one makes i leave:
//    1  offensief and months_active_i ≥ style.offensief_patience and invested_i > 0
//       and returned_i < style.offensief_required_ratio · invested_i       → leaves (offensief_pulled_out)
//    2  utilitair: low_i ← low_i + 1 if R_i < exit.utilitair_return, else 0;
//       if low_i ≥ exit.utilitair_patience: leaves with probability 1 − b   (utilitair_left_for_returns;
//                                           i's returns clock, §4.9)
//    3  renewal month and m_i < covenant.renewal_threshold:
//       leaves with probability covenant.renewal_exit                       (left_at_renewal)
//    4  m_i < exit.commitment_threshold: leaves with probability exit.hazard · (1 − b)  (partner_left;
//                                         i's exit clock, §4.9)
//   clear the renewal flag
//
//   leaving: active_i ← 0 ; c_i ← 0 ; team_member_i ← 0
//            if i is the team leader: the team loses its trekker as in §7.4 (vacancy,
//                                     last_leader_loss ← t, team.leader_loss_shock, team_leader_left)
//
// clang-format on
// Below, the fast engine computes it: in the partners' single-precision lanes, with kernels
// over whole vector blocks (machinery/), which give the same result up to rounding.

#include <algorithm>
#include <limits>

#include "../machinery/partner_list.hpp"
#include "../machinery/vector_block.hpp"
#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

void remove_partner(SimulationState& s, const StepContext& c, std::size_t i, EventKind why) {
    s.set_active(i, false);
    s.partners.contribution[i] = 0.0F;
    s.partners.team_member[i] = 0.0F;
    c.log.add(s.month, why, static_cast<int>(i), -1, s.partners.commitment[i]);
    if (static_cast<int>(i) == s.team_leader) {
        // The leader's organisation takes its trekker with it: the same loss as when the person
        // leaves, felt by the partners that stay.
        team_leader_lost(s, c, i);
    }
}

void admit_joining_partners(SimulationState& s, const StepContext& c) {
    if (s.month < s.next_join_month) {
        return;  // nobody joins this month: who is active has not changed since last month
    }
    auto& a = s.partners;
    const auto base = single(c.p.trust_initial);
    s.next_join_month = std::numeric_limits<int>::max();
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a.joined[i] && a.join_month[i] > s.month) {
            s.next_join_month = std::min(s.next_join_month, a.join_month[i]);
        }
        if (a.joined[i] || a.join_month[i] != s.month) {
            continue;
        }
        a.joined[i] = 1.0F;
        s.set_active(i, true);
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
}

namespace {

// The month's bookkeeping of §7.10 for every active partner at once (months active, a utilitair
// partner's months of low returns), and which partners any exit rule could make leave this month,
// as 1.0 in `candidate`; true if there is one.
struct ExitBookkeeping {
    // In the lanes' single precision; decide_exits applies the rules with the same values.
    struct Terms {
        float offensief_patience;
        float offensief_required_ratio;
        float utilitair_return;
        float utilitair_patience;
        float renewal_threshold;  // −∞ outside a renewal month
        float commitment_threshold;
    };

    template <class D>
    [[gnu::always_inline]] static void run(const Terms k, PartnerArrays& a, float* candidate_out,
                                           bool& any) {
        // Copies: the compiler cannot tell that the stores below leave them unchanged.
        const std::size_t stride = a.stride();
        const float* __restrict active = a.active.data();
        const float* __restrict offensief = a.offensief.data();
        const float* __restrict utilitair = a.utilitair.data();
        const float* __restrict invested = a.invested.data();
        const float* __restrict returned = a.returned.data();
        const float* __restrict perceived = a.perceived_return.data();
        const float* __restrict commitment = a.commitment.data();
        float* __restrict months_active = a.months_active.data();
        float* __restrict low_return_months = a.low_return_months.data();
        float* __restrict candidate = candidate_out;
        const D zero = {};
        const D one = zero + 1.0F;
        D found = zero;
        for (std::size_t i = 0; i < stride; i += lanes_of<D>) {
            const auto is_active = load_block<D>(active + i) != 0.0F;
            const D months_before = load_block<D>(months_active + i);
            const D months = months_before + 1.0F;
            store_block(months_active + i, is_active ? months : months_before);
            const D low = load_block<D>(low_return_months + i);
            const D counted = load_block<D>(perceived + i) < k.utilitair_return ? low + 1.0F : zero;
            const auto is_utilitair = load_block<D>(utilitair + i) != 0.0F;
            store_block(low_return_months + i, is_active && is_utilitair ? counted : low);
            const D out = load_block<D>(invested + i);
            const auto pulls_out = load_block<D>(offensief + i) != 0.0F &&
                                   months >= k.offensief_patience && out > 0.0F &&
                                   load_block<D>(returned + i) < k.offensief_required_ratio * out;
            const auto tired = is_utilitair && counted >= k.utilitair_patience;
            const D m = load_block<D>(commitment + i);
            const auto low_commitment = m < k.renewal_threshold || m < k.commitment_threshold;
            const D flag = is_active && (pulls_out || tired || low_commitment) ? one : zero;
            store_block(candidate + i, flag);
            found = found + flag;
        }
        any = largest_lane(found) > 0.0F;
    }
};

}  // namespace

void decide_exits(SimulationState& s, const StepContext& c) {
    const auto& p = c.p;
    auto& a = s.partners;
    const auto t = static_cast<std::uint32_t>(s.month);
    double barrier = s.effects.covenant ? p.covenant_exit_barrier : 0.0;
    if (c.result.month_self_sustaining >= 0) {
        barrier = 1.0 - (1.0 - barrier) * (1.0 - p.flywheel_exit_protection);
    }
    const ExitBookkeeping::Terms terms{single(p.style_offensief_patience),
                                       single(p.style_offensief_required_ratio),
                                       single(p.exit_utilitair_return),
                                       single(p.exit_utilitair_patience),
                                       s.covenant_renewal_this_month
                                           ? single(p.covenant_renewal_threshold)
                                           : -std::numeric_limits<float>::infinity(),
                                       single(p.exit_commitment_threshold)};
    bool any = false;
    dispatch_by_isa<ExitBookkeeping>(terms, a, s.exit_candidates.data(), any);
    s.covenant_renewal_this_month = false;
    if (!any) {
        return;
    }
    const auto returns_hazard = single(monthly_hazard(1.0 - barrier, s.returns_exit));
    const auto low_commitment_hazard =
        single(monthly_hazard(p.exit_hazard * (1.0 - barrier), s.partner_exit));
    // The rules for one active partner; true if it leaves.
    const auto leaves = [&](std::size_t i) {
        const auto idx = static_cast<std::uint32_t>(i);
        if (a.offensief[i] != 0.0F && a.months_active[i] >= terms.offensief_patience &&
            a.invested[i] > 0.0F &&
            a.returned[i] < terms.offensief_required_ratio * a.invested[i]) {
            remove_partner(s, c, i, EventKind::offensief_pulled_out);
        } else if (a.utilitair[i] != 0.0F && a.low_return_months[i] >= terms.utilitair_patience &&
                   clock_runs_out(a.returns_exit_clock[i], returns_hazard)) {
            remove_partner(s, c, i, EventKind::utilitair_left_for_returns);
        } else if (a.commitment[i] < terms.renewal_threshold &&
                   c.rng.bernoulli(p.covenant_renewal_exit, DrawPurpose::renewal, t, idx)) {
            remove_partner(s, c, i, EventKind::left_at_renewal);
        } else if (a.commitment[i] < terms.commitment_threshold &&
                   clock_runs_out(a.exit_clock[i], low_commitment_hazard)) {
            remove_partner(s, c, i, EventKind::partner_left);
        } else {
            return false;
        }
        return true;
    };
    // The rules partner by partner, in index order, for the candidates (active, by the kernel),
    // listed first. A partner that leaves can take the team's trekker with it, which lowers
    // everyone's commitment (§7.4); from then on every later active partner is looked at again.
    const std::uint32_t* listed = s.partner_list.data();
    const std::size_t count = list_partners(s.partner_list.data(), a.size(), [&s](std::size_t i) {
        return s.exit_candidates[i] != 0.0F;
    });
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t i = listed[k];
        if (leaves(i)) {
            for (std::size_t later = i + 1; later < a.size(); ++later) {
                if (a.active[later] != 0.0F) {
                    leaves(later);
                }
            }
            return;
        }
    }
}

}  // namespace regiosim::model

// The rule of docs/ODD.md §7.4, as the reference engine states it plainly in
// sim/reference/src/key_figures.cpp:
//
// clang-format off
//   o = coordinator.onboarding  if the coordinator is present, else 0
//   λ = key_figure.personal_share · (1 − o)
//   τ = trust.institutional
//   for every j ≠ i:   if T_ji > τ:  T_ji ← τ + (T_ji − τ)(1 − λ)      (trust in i)
//                      if T_ij > τ:  T_ij ← τ + (T_ij − τ)(1 − λ)      (trust of i)
//   m_i ← (1 − λ) m_i + λ · key_figure.newcomer_commitment
//   e_i ← (1 − λ) e_i + λ · key_figure.newcomer_expertise
//   kartrekker_i ← Bernoulli(key_figure.kartrekker_share)
//   log key_figure_left (mean trust in i before and after)
//   if i is the team leader:
//       team_leader ← −1 ; team_vacant_until ← t + team.vacancy_months ; last_leader_loss ← t
//       m_k ← m_k (1 − team.leader_loss_shock)   for every active k      ; log team_leader_left
//
//   coordinator_departs (turnover, or the intervention stops):
//       shock = coordinator.loss_shock · D
//       m_k ← m_k (1 − shock)  for every active k
//       if D ≥ flywheel.max_dependence:  last_leader_loss ← t
//       log coordinator_left (D, shock) ; present ← false ; D ← 0
//
// clang-format on
// Below, the fast engine computes it: in the partners' single-precision lanes, with kernels
// over whole vector blocks (machinery/), which give the same result up to rounding.

#include <algorithm>
#include <bit>
#include <cstdint>

#include "../machinery/partner_list.hpp"
#include "../machinery/vector_block.hpp"
#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

namespace {

// Hazard clocks (docs/ODD.md §4.9) of the active partners run down by `hazard`; `any`: one of them
// ran out.
struct RunDownClocks {
    template <class D>
    [[gnu::always_inline]] static void run(float hazard, const float* active_in, float* clock_in,
                                           std::size_t stride, bool& any) {
        const float* __restrict active = active_in;
        float* __restrict clock = clock_in;
        const D zero = {};
        D out = zero;
        for (std::size_t i = 0; i < stride; i += lanes_of<D>) {
            const auto is_active = load_block<D>(active + i) != 0.0F;
            const D before = load_block<D>(clock + i);
            const D left = is_active ? before - hazard : before;
            store_block(clock + i, left);
            out = out + (is_active && left <= 0.0F ? zero + 1.0F : zero);
        }
        any = largest_lane(out) > 0.0F;
    }
};

// The mean trust of the other active partners in partner j, before and after a loss.
struct TrustIn {
    double before;
    double after;
};

// The personal part of trust — what lies above trust in the organisation as such — leaves
// with the person, in both directions, unless onboarding rebuilds part of it. One pass over
// column j (trust in j, contiguous) and row j (trust of j), which also takes the means of column
// j before and after, for the story.
TrustIn lose_personal_trust(SimulationState& s, std::size_t j, double loss, double institutional) {
    s.row_sums = RowSumsHeld::stale;
    const auto& active = s.partners.active;
    const double kept = 1.0 - loss;
    // Trust at or below the institutional level is not personal: it stays. Both values are
    // computed and one is selected by a mask, because which one is as good as random to a branch
    // predictor (GCC turns a conditional expression back into a branch).
    const auto without_person = [&](float t) {
        const float lowered = single(institutional + (t - institutional) * kept);
        const std::uint32_t personal = 0U - static_cast<std::uint32_t>(t > institutional);
        return std::bit_cast<float>((std::bit_cast<std::uint32_t>(lowered) & personal) |
                                    (std::bit_cast<std::uint32_t>(t) & ~personal));
    };
    float* in = s.trust.column(j);
    double before = 0.0;
    double after = 0.0;
    int count = 0;
    for (std::size_t i = 0; i < s.partners.size(); ++i) {
        if (i == j) {
            continue;
        }
        const float was = in[i];
        in[i] = without_person(was);
        if (active[i] != 0.0F) {
            before += was;
            after += in[i];
            ++count;
        }
        float& out = s.trust(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(i));
        out = without_person(out);
    }
    return count > 0 ? TrustIn{before / count, after / count} : TrustIn{0.0, 0.0};
}

void key_figure_leaves(SimulationState& s, const StepContext& c, std::size_t i) {
    const auto& p = c.p;
    auto& a = s.partners;
    const double onboarding = s.coordinator_present ? p.coordinator_onboarding : 0.0;
    const double loss = p.key_figure_personal_share * (1.0 - onboarding);
    const TrustIn trust_in = lose_personal_trust(s, i, loss, p.trust_institutional);
    a.commitment[i] = a.commitment[i] * (1.0 - loss) + p.key_figure_newcomer_commitment * loss;
    a.expertise[i] = a.expertise[i] * (1.0 - loss) + p.key_figure_newcomer_expertise * loss;
    a.kartrekker[i] =
        c.rng.bernoulli(p.key_figure_kartrekker_share, DrawPurpose::key_figure_newcomer,
                        static_cast<std::uint32_t>(s.month), static_cast<std::uint32_t>(i))
            ? 1
            : 0;
    c.log.add(s.month, EventKind::key_figure_left, static_cast<int>(i), -1, trust_in.before,
              trust_in.after);

    if (static_cast<int>(i) == s.team_leader) {
        team_leader_lost(s, c, i);
    }
}

void replace_team_leader(SimulationState& s, const StepContext& c) {
    auto& a = s.partners;
    int best = -1;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a.active[i] &&
            (best < 0 || a.commitment[i] > a.commitment[static_cast<std::size_t>(best)])) {
            best = static_cast<int>(i);
        }
    }
    if (best >= 0) {
        s.team_leader = best;
        a.team_member[static_cast<std::size_t>(best)] = 1;
        s.team_vacant_until = -1;
        c.log.add(s.month, EventKind::team_leader_replaced, best);
    }
}

}  // namespace

void team_leader_lost(SimulationState& s, const StepContext& c, std::size_t i) {
    // The trekker was a person: the team stalls until someone new takes the lead.
    auto& a = s.partners;
    s.team_leader = -1;
    s.team_vacant_until = s.month + static_cast<int>(c.p.team_vacancy_months);
    s.last_leader_loss = s.month;
    for (std::size_t k = 0; k < a.size(); ++k) {
        if (a.active[k]) {
            a.commitment[k] *= 1.0 - c.p.team_leader_loss_shock;
        }
    }
    c.log.add(s.month, EventKind::team_leader_left, static_cast<int>(i));
}

void coordinator_departs(SimulationState& s, const StepContext& c, int intervention) {
    if (!s.coordinator_present) {
        return;
    }
    // The network leaned on this person; how much falls away depends on how much it leaned.
    const double shock = c.p.coordinator_loss_shock * s.dependence;
    auto& a = s.partners;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a.active[i]) {
            a.commitment[i] *= 1.0 - shock;
        }
    }
    if (s.dependence >= c.p.flywheel_max_dependence) {
        s.last_leader_loss = s.month;
    }
    c.log.add(s.month, EventKind::coordinator_left, -1, intervention, s.dependence, shock);
    s.coordinator_present = false;
    s.dependence = 0.0;
}

void update_key_figures(SimulationState& s, const StepContext& c) {
    const auto& p = c.p;
    const auto t = static_cast<std::uint32_t>(s.month);
    const auto hazard = single(yearly_hazard(p.key_figure_turnover, s.key_figure_departure));
    auto& a = s.partners;
    // Every active partner's clock runs down; a month without a departure (most of them) draws
    // nothing.
    bool any = false;
    dispatch_by_isa<RunDownClocks>(hazard, a.active.data(), a.key_figure_clock.data(), a.stride(),
                                   any);
    if (any) {
        // Whose clock ran out, listed first, then in index order; a departure changes no clock
        // and nobody's activity.
        const std::uint32_t* listed = s.partner_list.data();
        const std::size_t count =
            list_partners(s.partner_list.data(), a.size(), [&a](std::size_t i) {
                return static_cast<int>(a.active[i] != 0.0F) &
                       static_cast<int>(a.key_figure_clock[i] <= 0.0F);
            });
        for (std::size_t k = 0; k < count; ++k) {
            const std::size_t i = listed[k];
            key_figure_leaves(s, c, i);
            a.key_figure_clock[i] = single(c.rng.exponential(DrawPurpose::key_figure_departure, t,
                                                             static_cast<std::uint32_t>(i)));
        }
    }

    if (s.effects.team && s.team_leader < 0 && s.month >= s.team_vacant_until) {
        replace_team_leader(s, c);
    }

    if (s.effects.coordinator) {
        if (s.coordinator_present &&
            clock_runs_out(s.coordinator_clock,
                           yearly_hazard(p.coordinator_turnover, s.coordinator_departure))) {
            // The person leaves; the role continues after a vacancy.
            coordinator_departs(s, c, -1);
            s.coordinator_vacant_until = s.month + static_cast<int>(p.coordinator_vacancy_months);
            s.coordinator_clock = c.rng.exponential(DrawPurpose::coordinator_departure, t, 0);
        } else if (!s.coordinator_present && s.month >= s.coordinator_vacant_until) {
            s.coordinator_present = true;
            c.log.add(s.month, EventKind::coordinator_arrived);
        }
    } else {
        s.coordinator_present = false;
    }
}

}  // namespace regiosim::model

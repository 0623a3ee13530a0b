#include <algorithm>

#include "../vector_block.hpp"
#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

namespace {

void draw_attendance(SimulationState& s, const StepContext& c) {
    auto& a = s.partners;
    // In a large network one meeting connects only part of it.
    const double reach = s.n_active > 0 ? std::min(1.0, c.p.size_meeting_group / s.n_active) : 0.0;
    c.rng.uniforms(DrawPurpose::meeting_attendance, static_cast<std::uint32_t>(s.month), 0,
                   a.size(), s.draws.data());
    for (std::size_t i = 0; i < a.size(); ++i) {
        a.attends[i] = a.active[i] && s.draws[i] < reach * (0.5 + 0.5 * a.commitment[i]) ? 1 : 0;
        if (a.attends[i]) {
            a.commitment[i] += c.p.meetings_commitment_gain * (1.0 - a.commitment[i]);
        }
    }
}

// The monthly rule as one affine map per pair, T ← clamp(((T·s + c)·k)·A + B): reciprocity
// gives the slope s and intercept c, conflict the factor k, a joint meeting and the fade the
// final slope A and offset B. The steps of the rule (docs/ODD.md §7.7) are each affine in T, so
// their composition is the same function of T; computed this way a pair costs about half the
// operations, and everything that depends on one partner only is computed once per partner.
struct PairRule {
    double kept_slope;        // 1 − build: c_j ≥ ε_i
    double kept_slope_rival;  // 1 − build · (1 − rivalry)
    double kept_gain;         // build
    double kept_gain_rival;   // build · (1 − rivalry)
    double broken_slope;      // 1 − erosion, plus erosion · c_j / ε_i
    double fade_slope;        // 1 − fade
    double fade_offset;       // fade · institutional
    double conflict_half;     // conflict / 2: k = row part + conflict_half · a_j
    double conflict_half_rival;
};

// What the rule needs of the partner j trusted (a column of the matrix).
struct Trusted {
    double given;
    double conflict_part;        // conflict_half · a_j
    double conflict_part_rival;  // conflict_half_rival · a_j
    double sector;
    double attends;
    double index;
};

// Column j of the trust matrix: the trust of every active partner i in partner j, Block by
// Block (vector_block.hpp). Inactive partners and the diagonal keep their value. `Rivals`: j is a
// school whose sector may hold rivals; `Met`: j attended this month's meeting. Rivalry is told by
// equal sector lanes alone: partners that are no school have a sector lane of their own
// (SimulationState::PairLanes::sector).
//
// The row sums are taken on the way, while the column is in registers: row i receives the new
// values of the active columns j != i in increasing j (+0.0 for its own entry, which leaves a
// sum of non-negative terms unchanged), exactly the additions sum_trust_rows makes, so every sum
// is bit-identical to summing the new matrix again.
template <bool Rivals, bool Met, bool Weighted, class B>
[[gnu::always_inline]] inline void update_column(const PairRule& rule,
                                                 const SimulationState::PairLanes& lanes,
                                                 const Trusted& j, std::size_t stride,
                                                 double* column, double* row_sum,
                                                 double* weighted_sum) {
    const B zero = {};
    const B one = broadcast<B>(1.0);
    for (std::size_t r = 0; r < stride; r += lanes_of<B>) {
        const B before = load_block<B>(column + r);
        // Kept promises build slowly; free-riding breaks fast (1:3, Luna-Reyes et al.).
        const auto kept = broadcast<B>(j.given) >= load_block<B>(lanes.expected.data() + r);
        const B broken_slope =
            rule.broken_slope + load_block<B>(lanes.erosion.data() + r) * j.given;
        B slope;
        B gain;
        B conflict;
        if constexpr (Rivals) {
            const auto rival = load_block<B>(lanes.sector.data() + r) == j.sector;
            slope =
                kept ? (rival ? broadcast<B>(rule.kept_slope_rival) : broadcast<B>(rule.kept_slope))
                     : broken_slope;
            gain = kept
                       ? (rival ? broadcast<B>(rule.kept_gain_rival) : broadcast<B>(rule.kept_gain))
                       : zero;
            conflict = rival
                           ? load_block<B>(lanes.conflict_rival.data() + r) + j.conflict_part_rival
                           : load_block<B>(lanes.conflict.data() + r) + j.conflict_part;
        } else {
            slope = kept ? broadcast<B>(rule.kept_slope) : broken_slope;
            gain = kept ? broadcast<B>(rule.kept_gain) : zero;
            conflict = load_block<B>(lanes.conflict.data() + r) + j.conflict_part;
        }
        B t = (before * slope + gain) * conflict;
        if constexpr (Met) {
            t = t * load_block<B>(lanes.final_slope.data() + r) +
                load_block<B>(lanes.final_offset.data() + r);
        } else {
            t = t * rule.fade_slope + rule.fade_offset;
        }
        t = t < 0.0 ? zero : t;  // std::clamp, spelt so that the body stays branch-free
        t = t > 1.0 ? one : t;
        const auto diagonal = load_block<B>(lanes.index.data() + r) == j.index;
        const B after = load_block<B>(lanes.active.data() + r) != 0.0 ? t : before;
        store_block(column + r, diagonal ? before : after);
        const B term = diagonal ? zero : after;
        store_block(row_sum + r, load_block<B>(row_sum + r) + term);
        if constexpr (Weighted) {
            store_block(weighted_sum + r, load_block<B>(weighted_sum + r) + term * j.given);
        }
    }
}

// Trust of every partner in every active partner, with the row sums of the result in row_sum
// and, when `Weighted`, the row sums weighted by this month's contributions in weighted_sum.
template <bool Weighted>
struct UpdateMatrix {
    template <class B>
    [[gnu::always_inline]] static void run(const PairRule& rule,
                                           const SimulationState::PairLanes& lanes,
                                           const double* contribution, std::size_t n,
                                           TrustMatrix& trust, double* row_sum,
                                           double* weighted_sum) {
        const std::size_t stride = trust.stride();
        std::fill(row_sum, row_sum + stride, 0.0);
        if constexpr (Weighted) {
            std::fill(weighted_sum, weighted_sum + stride, 0.0);
        }
        for (std::size_t j = 0; j < n; ++j) {
            if (lanes.active[j] == 0.0) {
                continue;
            }
            const double alignment = lanes.alignment[j];
            const Trusted partner{contribution[j],
                                  rule.conflict_half * alignment,
                                  rule.conflict_half_rival * alignment,
                                  lanes.sector[j],
                                  lanes.attends[j],
                                  lanes.index[j]};
            double* column = trust.column(j);
            const bool rivals = partner.sector > 0.0;
            const bool met = partner.attends != 0.0;
            if (rivals && met) {
                update_column<true, true, Weighted, B>(rule, lanes, partner, stride, column,
                                                       row_sum, weighted_sum);
            } else if (rivals) {
                update_column<true, false, Weighted, B>(rule, lanes, partner, stride, column,
                                                        row_sum, weighted_sum);
            } else if (met) {
                update_column<false, true, Weighted, B>(rule, lanes, partner, stride, column,
                                                        row_sum, weighted_sum);
            } else {
                update_column<false, false, Weighted, B>(rule, lanes, partner, stride, column,
                                                         row_sum, weighted_sum);
            }
        }
    }
};

}  // namespace

void update_trust(SimulationState& s, const StepContext& c) {
    const auto& p = c.p;
    auto& a = s.partners;
    const auto n = a.size();
    const bool meeting = meeting_in_month(s.effects.meetings_per_year, s.month);
    if (meeting) {
        draw_attendance(s, c);
    }
    const double observation =
        p.trust_observation_rate * (s.effects.agreements ? 1.0 + p.agreements_visibility : 1.0);

    // The pair loop is the hottest of the step (update_matrix): what depends on the month or on
    // one partner only is computed here, once.
    const double build = p.trust_build_rate * observation;
    const double build_rival = build * (1.0 - p.trust_school_rivalry);
    const double erosion = p.trust_erosion_rate * observation;
    const double conflict = p.trust_conflict_erosion * s.conflict;
    const double conflict_rival = conflict * (1.0 + p.trust_school_rivalry);
    PairRule rule;
    rule.kept_slope = 1.0 - build;
    rule.kept_slope_rival = 1.0 - build_rival;
    rule.kept_gain = build;
    rule.kept_gain_rival = build_rival;
    rule.broken_slope = 1.0 - erosion;
    rule.fade_slope = 1.0 - p.trust_fade;
    rule.fade_offset = p.trust_fade * p.trust_institutional;
    rule.conflict_half = 0.5 * conflict;
    rule.conflict_half_rival = 0.5 * conflict_rival;
    // After a joint meeting T ← T + gain · (1 − T), then the fade.
    const double met_slope = (1.0 - p.meetings_trust_gain) * rule.fade_slope;
    const double met_offset = p.meetings_trust_gain * rule.fade_slope + rule.fade_offset;
    auto& lanes = s.lanes;
    for (std::size_t i = 0; i < n; ++i) {
        const double expected = p.trust_reciprocity_norm * a.contribution[i];
        lanes.expected[i] = expected;
        // Only read where c_j < ε_i, so ε_i > 0 there.
        lanes.erosion[i] = erosion / expected;
        // k = 1 − conflict · (1 − (a_i + a_j)/2), split into a part of i and a part of j.
        lanes.conflict[i] = (1.0 - conflict) + rule.conflict_half * lanes.alignment[i];
        lanes.conflict_rival[i] =
            (1.0 - conflict_rival) + rule.conflict_half_rival * lanes.alignment[i];
        lanes.active[i] = a.active[i] ? 1.0 : 0.0;
        const bool attends = meeting && a.attends[i];
        lanes.attends[i] = attends ? 1.0 : 0.0;
        lanes.final_slope[i] = attends ? met_slope : rule.fade_slope;
        lanes.final_offset[i] = attends ? met_offset : rule.fade_offset;
    }
    if (s.utilitair_partners) {
        // Next month's trust-weighted contributions (decide_contributions) weigh these sums by
        // what was given this month, which is what they will then call last month's.
        dispatch_by_isa<UpdateMatrix<true>>(rule, lanes, a.contribution.data(), n, s.trust,
                                            s.row_sum.data(), s.row_weighted_sum.data());
        s.row_sums = RowSumsHeld::plain_and_weighted;
    } else {
        double* no_weighted_sums = nullptr;
        dispatch_by_isa<UpdateMatrix<false>>(rule, lanes, a.contribution.data(), n, s.trust,
                                             s.row_sum.data(), no_weighted_sums);
        s.row_sums = RowSumsHeld::plain;
    }
}

}  // namespace regiosim::model

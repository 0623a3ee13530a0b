// The rule of docs/ODD.md §7.7, as the reference engine states it plainly in
// sim/reference/src/trust.cpp:
//
// clang-format off
//   meeting = meeting_in_month(effects.meetings_per_year, t)
//   if meeting:
//       reach = min(1, size.meeting_group / N)
//       each active i attends with probability reach · (0.5 + 0.5 m_i)
//       attendee:  m_i ← m_i + meetings.commitment_gain · (1 − m_i)
//   ω = trust.observation_rate · (1 + agreements.visibility   if performance agreements)
//
//   for each active i, for each active j ≠ i:                      (T = T_ij, updated in place)
//       ε = trust.reciprocity_norm · c_i                           (what i expects of j)
//       rival = sector_i ≠ 0 and sector_i = sector_j
//       if c_j ≥ ε:  T ← T + trust.build_rate · ω · (1 − trust.school_rivalry  if rival) · (1 − T)
//       else:        T ← T − trust.erosion_rate · ω · ((ε − c_j) / ε) · T
//       T ← T − trust.conflict_erosion · C · (1 − (a_i + a_j)/2) · (1 + trust.school_rivalry  if rival) · T
//       if meeting and i and j both attend:  T ← T + meetings.trust_gain · (1 − T)
//       T ← T + trust.fade · (trust.institutional − T)
//       T ← clamp(T)
//
// clang-format on
// Below, the fast engine computes it: in the partners' single-precision lanes, with kernels
// over whole vector blocks (machinery/), which give the same result up to rounding.

#include <algorithm>

#include "../machinery/vector_block.hpp"
#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

namespace {

// Who attends this month's meeting, for every partner at once: an active partner attends with
// probability reach · (0.5 + 0.5 m_i), and an attendee's commitment rises by gain · (1 − m_i)
// (docs/ODD.md §7.7). The lanes of the pair loop's last step follow: the meeting's slope and
// offset for an attendee, the fade's for everyone else.
struct AttendMeeting {
    struct Terms {
        float reach;
        float commitment_gain;
        float met_slope;
        float met_offset;
        float fade_slope;
        float fade_offset;
    };

    template <class B>
    [[gnu::always_inline]] static void run(const Terms k, const float* draws_in, PartnerArrays& a,
                                           SimulationState::PairLanes& lanes) {
        // Copies: the compiler cannot tell that the stores below leave them unchanged.
        const std::size_t stride = a.stride();
        const float* __restrict draw = draws_in;
        const float* __restrict active = a.active.data();
        float* __restrict commitment = a.commitment.data();
        float* __restrict attends = a.attends.data();
        float* __restrict final_slope = lanes.final_slope.data();
        float* __restrict final_offset = lanes.final_offset.data();
        const B zero = {};
        for (std::size_t i = 0; i < stride; i += lanes_of<B>) {
            const B m = load_block<B>(commitment + i);
            const auto goes = (load_block<B>(active + i) != 0.0F) &
                              (load_block<B>(draw + i) < k.reach * (0.5F + 0.5F * m));
            store_block(attends + i, goes ? zero + 1.0F : zero);
            store_block(commitment + i, goes ? m + k.commitment_gain * (1.0F - m) : m);
            store_block(final_slope + i, goes ? zero + k.met_slope : zero + k.fade_slope);
            store_block(final_offset + i, goes ? zero + k.met_offset : zero + k.fade_offset);
        }
    }
};

// The monthly rule as one affine map per pair, T ← clamp(((T·s + c)·k)·A + B): reciprocity
// gives the slope s and intercept c, conflict the factor k, a joint meeting and the fade the
// final slope A and offset B. The steps of the rule (docs/ODD.md §7.7) are each affine in T, so
// their composition is the same function of T; computed this way a pair costs about half the
// operations, and everything that depends on one partner only is computed once per partner.
// Single precision, as the matrix (docs/ODD.md §7, "Numerics").
struct PairRule {
    float kept_slope;        // 1 − build: c_j ≥ ε_i
    float kept_slope_rival;  // 1 − build · (1 − rivalry)
    float kept_gain;         // build
    float kept_gain_rival;   // build · (1 − rivalry)
    float broken_slope;      // 1 − erosion, plus erosion · c_j / ε_i
    float fade_slope;        // 1 − fade
    float fade_offset;       // fade · institutional
    // The bounds of trust, 0 and 1, as data rather than constants: with constants GCC spells the
    // clamp as a compare and a mask and a compare and a blend; with values it only knows at run
    // time, as one max and one min (the same values: both compute t > 0 ? t : 0, t < 1 ? t : 1).
    float lowest;
    float highest;
    // A success this month (§7.6) first moves trust by gain · √φ_i √φ_j · (1 − T) (0: none).
    float success_gain;
};

// The month's terms of the rule, one value in every lane; made once per month (GCC does not hoist
// a broadcast out of the pair loop by itself).
template <class B>
struct PairTerms {
    B kept_slope;
    B kept_slope_rival;
    B kept_gain;
    B kept_gain_rival;
    B broken_slope;
    B fade_slope;
    B fade_offset;
    B lowest;
    B highest;
    B success_gain;

    explicit PairTerms(const PairRule& rule)
        : kept_slope(broadcast<B>(rule.kept_slope)),
          kept_slope_rival(broadcast<B>(rule.kept_slope_rival)),
          kept_gain(broadcast<B>(rule.kept_gain)),
          kept_gain_rival(broadcast<B>(rule.kept_gain_rival)),
          broken_slope(broadcast<B>(rule.broken_slope)),
          fade_slope(broadcast<B>(rule.fade_slope)),
          fade_offset(broadcast<B>(rule.fade_offset)),
          lowest(broadcast<B>(rule.lowest)),
          highest(broadcast<B>(rule.highest)),
          success_gain(broadcast<B>(rule.success_gain)) {}
};

// What the rule needs of the rows of one row block: lanes of the partners trusting.
template <class B>
struct TrustingRows {
    B expected;
    B erosion;
    B conflict;
    B conflict_rival;
    B final_slope;
    B final_offset;
    B sector;
    B index;
    B root_share;  // √φ_i, read in a month with a success
};

// What the rule reads of the trusted partner j, as plain pointers: copied once per month, so that
// the pair loop need not reload them from the lanes after every store into the matrix.
struct TrustedLanes {
    const float* given;
    const float* conflict_part;
    const float* conflict_part_rival;
    const float* sector;
    const float* index;
    const float* attends;
    const float* root_share;

    TrustedLanes(const SimulationState::PairLanes& lanes, const PartnerArrays& a)
        : given(a.contribution.data()),
          conflict_part(lanes.conflict_part.data()),
          conflict_part_rival(lanes.conflict_part_rival.data()),
          sector(lanes.sector.data()),
          index(lanes.index.data()),
          attends(a.attends.data()),
          root_share(lanes.root_share.data()) {}
};

// One Block of column j's new values: rows r … r + lanes_of<B> − 1 of the trust matrix. Rows of
// inactive partners keep their value; `Diagonal`: the block holds j's own entry (row j), which
// keeps its value too and adds +0 to the row sum, which leaves a sum of non-negative terms
// unchanged. A column of a school whose sector may hold rivals (`rivals`) and a column of a
// partner that attended this month's meeting (`met`) take the rule's other terms; rivalry is
// told by equal sector lanes alone: partners that are no school have a sector lane of their own
// (SimulationState::PairLanes::sector).
template <bool Diagonal, bool Weighted, bool Meeting, bool Success, class B, class Mask>
[[gnu::always_inline]] inline void update_pair_block(const PairTerms<B>& rule,
                                                     const TrustingRows<B>& rows, Mask active,
                                                     const TrustedLanes lanes,
                                                     const TrustedColumn& column, float* at, B& sum,
                                                     B& weighted) {
    const B zero = {};
    const std::size_t j = column.column;
    const float given = lanes.given[j];
    const B before = load_block<B>(at);
    // A shared success comes first (produce_results runs before the trust update): the same
    // operations as updating the matrix in a pass of its own, without that pass.
    B start = before;
    if constexpr (Success) {
        const B together = rows.root_share * lanes.root_share[j];
        start = before + rule.success_gain * together * (rule.highest - before);
    }
    // Kept promises build slowly; free-riding breaks fast (1:3, Luna-Reyes et al.).
    const auto kept = rows.expected <= given;
    const B broken_slope = rule.broken_slope + rows.erosion * given;
    B t;
    if (column.rivals) {
        const auto rival = rows.sector == lanes.sector[j];
        const B slope = kept ? (rival ? rule.kept_slope_rival : rule.kept_slope) : broken_slope;
        const B gain = kept ? (rival ? rule.kept_gain_rival : rule.kept_gain) : zero;
        const B conflict = rival ? rows.conflict_rival + lanes.conflict_part_rival[j]
                                 : rows.conflict + lanes.conflict_part[j];
        t = (start * slope + gain) * conflict;
    } else {
        const B slope = kept ? rule.kept_slope : broken_slope;
        const B gain = kept ? rule.kept_gain : zero;
        t = (start * slope + gain) * (rows.conflict + lanes.conflict_part[j]);
    }
    if constexpr (Meeting) {
        // Selected, not branched on: half of the partners attend, at random, and a branch per
        // column would be mispredicted half of the time.
        const auto met = (zero + lanes.attends[j]) != 0.0F;
        t = t * (met ? rows.final_slope : rule.fade_slope) +
            (met ? rows.final_offset : rule.fade_offset);
    } else {
        t = t * rule.fade_slope + rule.fade_offset;
    }
    t = t > rule.lowest ? t : rule.lowest;  // std::clamp as a max and a min, branch-free
    t = t < rule.highest ? t : rule.highest;
    B after = active ? t : before;
    if constexpr (Diagonal) {
        const auto own = rows.index == lanes.index[j];
        store_block(at, own ? before : after);
        after = own ? zero : after;
    } else {
        store_block(at, after);
    }
    sum = sum + after;
    if constexpr (Weighted) {
        weighted = weighted + after * given;
    }
}

// Row block by row block (one TrustBlock of rows), every active column in increasing j. What
// depends on the rows only — the trusting partners' lanes, whether they are active, their row
// sums so far — stays in registers while the block walks along the row; per pair the loop loads
// and stores one Block of the matrix. The columns whose own entry lies in the row block (j in
// r … r + lanes − 1: trusted_from[r] … trusted_from[r + lanes] − 1 of `columns`) are the only ones
// that need the diagonal masked.
//
// The row sums come out of the same loop: row i receives the new values of the active columns
// j != i in increasing j, exactly the additions sum_trust_rows makes, so every sum is
// bit-identical to summing the new matrix again.
template <bool Weighted, bool Meeting, bool Success>
struct UpdateMatrix {
    template <class B>
    [[gnu::always_inline]] static void run(const PairRule& rule_in,
                                           const SimulationState::PairLanes& lanes,
                                           const PartnerArrays& a, const TrustedColumn* columns,
                                           const std::uint32_t* from, std::size_t count,
                                           TrustMatrix& trust, float* row_sum,
                                           float* weighted_sum) {
        constexpr std::size_t L = lanes_of<B>;
        const PairRule rule_copy = rule_in;
        const PairTerms<B> rule(rule_copy);
        const TrustedLanes trusted(lanes, a);
        float* const matrix = trust.column(0);
        const std::size_t stride = trust.stride();
        for (std::size_t r = 0; r < stride; r += L) {
            const TrustingRows<B> rows{load_block<B>(lanes.expected.data() + r),
                                       load_block<B>(lanes.erosion.data() + r),
                                       load_block<B>(lanes.conflict.data() + r),
                                       load_block<B>(lanes.conflict_rival.data() + r),
                                       load_block<B>(lanes.final_slope.data() + r),
                                       load_block<B>(lanes.final_offset.data() + r),
                                       load_block<B>(lanes.sector.data() + r),
                                       load_block<B>(lanes.index.data() + r),
                                       load_block<B>(lanes.root_share.data() + r)};
            const auto active = load_block<B>(a.active.data() + r) != 0.0F;
            const std::size_t first_own = from[r];
            const std::size_t past_own = from[r + L];
            B sum = {};
            B weighted = {};
            float* const rows_at = matrix + r;
            for (std::size_t k = 0; k < first_own; ++k) {
                update_pair_block<false, Weighted, Meeting, Success>(
                    rule, rows, active, trusted, columns[k], rows_at + columns[k].offset, sum,
                    weighted);
            }
            for (std::size_t k = first_own; k < past_own; ++k) {
                update_pair_block<true, Weighted, Meeting, Success>(
                    rule, rows, active, trusted, columns[k], rows_at + columns[k].offset, sum,
                    weighted);
            }
            for (std::size_t k = past_own; k < count; ++k) {
                update_pair_block<false, Weighted, Meeting, Success>(
                    rule, rows, active, trusted, columns[k], rows_at + columns[k].offset, sum,
                    weighted);
            }
            store_block(row_sum + r, sum);
            if constexpr (Weighted) {
                store_block(weighted_sum + r, weighted);
            }
        }
    }
};

// This month's lanes of the pair loop, for every partner at once: what partner i expects and how
// fast its trust erodes (rows), partner j's part of the conflict factor (columns).
struct PairLanesOfMonth {
    struct Terms {
        float reciprocity_norm;
        float erosion;
        float conflict;
        float conflict_rival;
        float conflict_half;
        float conflict_half_rival;
    };

    template <class B>
    [[gnu::always_inline]] static void run(const Terms k, const PartnerArrays& a,
                                           SimulationState::PairLanes& lanes) {
        // Copies: the compiler cannot tell that the stores below leave them unchanged.
        const std::size_t stride = a.stride();
        const float* __restrict contribution = a.contribution.data();
        const float* __restrict alignment = a.alignment.data();
        float* __restrict expected = lanes.expected.data();
        float* __restrict erosion = lanes.erosion.data();
        float* __restrict conflict = lanes.conflict.data();
        float* __restrict conflict_rival = lanes.conflict_rival.data();
        float* __restrict conflict_part = lanes.conflict_part.data();
        float* __restrict conflict_part_rival = lanes.conflict_part_rival.data();
        const B least_normal = B{} + 0x1p-126F;
        for (std::size_t i = 0; i < stride; i += lanes_of<B>) {
            const B expected_here = k.reciprocity_norm * load_block<B>(contribution + i);
            store_block(expected + i, expected_here);
            // Only read where c_j < ε_i, so ε_i > 0 there; the floor keeps η/ε finite even for an
            // ε_i that is a denormal, where c_j · η/ε_i stays below η.
            store_block(erosion + i,
                        k.erosion / (expected_here < least_normal ? least_normal : expected_here));
            // k = 1 − conflict · (1 − (a_i + a_j)/2), split into a part of i and a part of j.
            const B align = load_block<B>(alignment + i);
            const B part = k.conflict_half * align;
            const B part_rival = k.conflict_half_rival * align;
            store_block(conflict + i, (1.0F - k.conflict) + part);
            store_block(conflict_rival + i, (1.0F - k.conflict_rival) + part_rival);
            store_block(conflict_part + i, part);
            store_block(conflict_part_rival + i, part_rival);
        }
    }
};

// What UpdateMatrix works on, and the variant a month needs, chosen once per month.
struct UpdateArguments {
    const PairRule& rule;
    const SimulationState::PairLanes& lanes;
    const PartnerArrays& a;
    const TrustedColumn* columns;
    const std::uint32_t* from;
    std::size_t count;
    TrustMatrix& trust;
    float* row_sum;
    float* weighted_sum;
};

template <bool... Chosen>
void update_matrix(const UpdateArguments& x) {
    dispatch_by_isa<UpdateMatrix<Chosen...>>(x.rule, x.lanes, x.a, x.columns, x.from, x.count,
                                             x.trust, x.row_sum, x.weighted_sum);
}

template <bool... Chosen, class... Flags>
void update_matrix(const UpdateArguments& x, bool flag, Flags... flags) {
    if (flag) {
        update_matrix<Chosen..., true>(x, flags...);
    } else {
        update_matrix<Chosen..., false>(x, flags...);
    }
}

}  // namespace

void update_trust(SimulationState& s, const StepContext& c) {
    const auto& p = c.p;
    auto& a = s.partners;
    const auto n = a.size();
    const bool meeting = meeting_in_month(s.effects.meetings_per_year, s.month);
    const double observation =
        p.trust_observation_rate * (s.effects.agreements ? 1.0 + p.agreements_visibility : 1.0);

    // The pair loop is the hottest of the step (UpdateMatrix): what depends on the month or on
    // one partner only is computed here, once, in double precision and then rounded.
    const double build = p.trust_build_rate * observation;
    const double build_rival = build * (1.0 - p.trust_school_rivalry);
    const double conflict = p.trust_conflict_erosion * s.conflict;
    const double conflict_rival = conflict * (1.0 + p.trust_school_rivalry);
    const double fade_slope = 1.0 - p.trust_fade;
    const double fade_offset = p.trust_fade * p.trust_institutional;
    PairRule rule;
    rule.kept_slope = single(1.0 - build);
    rule.kept_slope_rival = single(1.0 - build_rival);
    rule.kept_gain = single(build);
    rule.kept_gain_rival = single(build_rival);
    const double erosion = p.trust_erosion_rate * observation;
    rule.broken_slope = single(1.0 - erosion);
    rule.fade_slope = single(fade_slope);
    rule.fade_offset = single(fade_offset);
    rule.lowest = 0.0F;
    rule.highest = 1.0F;
    rule.success_gain = 0.0F;
    auto& lanes = s.lanes;
    const PairLanesOfMonth::Terms terms{
        single(p.trust_reciprocity_norm), single(erosion),        single(conflict),
        single(conflict_rival),           single(0.5 * conflict), single(0.5 * conflict_rival)};
    dispatch_by_isa<PairLanesOfMonth>(terms, a, lanes);
    if (meeting) {
        // In a large network one meeting connects only part of it.
        const double reach =
            s.n_active > 0 ? std::min(1.0, p.size_meeting_group / s.n_active) : 0.0;
        c.rng.single_uniforms(DrawPurpose::meeting_attendance, static_cast<std::uint32_t>(s.month),
                              0, n, s.scratch.data());
        // After a joint meeting T ← T + gain · (1 − T), then the fade.
        const AttendMeeting::Terms attendance{
            single(reach),
            single(p.meetings_commitment_gain),
            single((1.0 - p.meetings_trust_gain) * fade_slope),
            single(p.meetings_trust_gain * fade_slope + fade_offset),
            rule.fade_slope,
            rule.fade_offset};
        dispatch_by_isa<AttendMeeting>(attendance, s.scratch.data(), a, lanes);
    }
    const TrustedColumn* columns = list_trusted_columns(s);
    const std::size_t count = s.trusted_count;
    const bool weighted = s.utilitair_partners;
    const bool success = s.shared_success_gain > 0.0F;
    rule.success_gain = s.shared_success_gain;
    s.shared_success_gain = 0.0F;
    const UpdateArguments arguments{rule,
                                    lanes,
                                    a,
                                    columns,
                                    s.trusted_from.data(),
                                    count,
                                    s.trust,
                                    s.row_sum.data(),
                                    weighted ? s.row_weighted_sum.data() : nullptr};
    update_matrix(arguments, weighted, meeting, success);
    // Next month's trust-weighted contributions (decide_contributions) weigh the weighted sums by
    // what was given this month, which is what they will then call last month's.
    s.row_sums = weighted ? RowSumsHeld::plain_and_weighted : RowSumsHeld::plain;
}

}  // namespace regiosim::model

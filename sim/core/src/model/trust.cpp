#include <algorithm>

#include "../vector_block.hpp"
#include "../vector_clones.hpp"
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

struct TrustRule {
    double build;
    double build_rival;
    double erosion;
    double conflict;
    double conflict_rival;
    double meeting_gain;
    double fade;
    double institutional;
};

// What the rule needs of the partner j trusted (a column of the matrix).
struct Trusted {
    double given;
    double alignment;
    double sector;
    double attends;
    double index;
};

// Column j of the trust matrix: the trust of every active partner i in partner j, block by
// block of eight rows. Inactive partners and the diagonal keep their value. `Rivals`: j is a
// school whose sector may hold rivals; `Met`: j attended this month's meeting. Without them the
// rule's rivalry and meeting terms are exactly neutral (a factor 1.0, an unchanged value), so
// leaving them out changes no bit, and the common columns get a shorter loop. Rivalry is told by
// equal sector lanes alone: partners that are no school have a sector lane of their own
// (SimulationState::PairLanes::sector).
//
// The row sums are taken on the way, while the column is in registers: row i receives the new
// values of the active columns j != i in increasing j (+0.0 for its own entry, which leaves a
// sum of non-negative terms unchanged), exactly the additions sum_trust_rows makes, so every sum
// is bit-identical to summing the new matrix again.
template <bool Rivals, bool Met, bool Weighted>
[[gnu::always_inline]] inline void update_column(const TrustRule& rule,
                                                 const SimulationState::PairLanes& lanes,
                                                 const Trusted& j, std::size_t stride,
                                                 double* column, double* row_sum,
                                                 double* weighted_sum) {
    const Block one = broadcast(1.0);
    const Block zero = {};
    for (std::size_t r = 0; r < stride; r += TrustMatrix::block_rows) {
        const Block before = load_block(column + r);
        const Block expected = load_block(lanes.expected.data() + r);
        // Kept promises build slowly; free-riding breaks fast (1:3, Luna-Reyes et al.).
        Block built;
        Block rivalry = one;
        if constexpr (Rivals) {
            const auto rival = load_block(lanes.sector.data() + r) == j.sector;
            built = before + (rival ? broadcast(rule.build_rival) : broadcast(rule.build)) *
                                 (one - before);
            rivalry = rival ? broadcast(rule.conflict_rival) : one;
        } else {
            built = before + rule.build * (one - before);
        }
        const Block shortfall = (expected - j.given) / expected;
        const Block eroded = before - rule.erosion * shortfall * before;
        Block t = broadcast(j.given) >= expected ? built : eroded;
        const Block misaligned =
            one - 0.5 * (load_block(lanes.alignment.data() + r) + j.alignment);
        if constexpr (Rivals) {
            t -= rule.conflict * misaligned * rivalry * t;
        } else {
            t -= rule.conflict * misaligned * t;
        }
        if constexpr (Met) {
            const Block after_meeting = t + rule.meeting_gain * (one - t);
            t = load_block(lanes.attends.data() + r) != 0.0 ? after_meeting : t;
        }
        t += rule.fade * (rule.institutional - t);
        t = t < 0.0 ? zero : t;  // std::clamp, spelt so that the body stays branch-free
        t = t > 1.0 ? one : t;
        const auto diagonal = load_block(lanes.index.data() + r) == j.index;
        const Block after = load_block(lanes.active.data() + r) != 0.0 ? t : before;
        store_block(column + r, diagonal ? before : after);
        const Block term = diagonal ? zero : after;
        store_block(row_sum + r, load_block(row_sum + r) + term);
        if constexpr (Weighted) {
            store_block(weighted_sum + r, load_block(weighted_sum + r) + term * j.given);
        }
    }
}

// Trust of every partner in every active partner, with the row sums of the result in row_sum
// and, when `Weighted`, the row sums weighted by this month's contributions in weighted_sum.
template <bool Weighted>
[[gnu::always_inline]] inline void update_matrix(const TrustRule& rule,
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
        const Trusted partner{contribution[j], lanes.alignment[j], lanes.sector[j],
                              lanes.attends[j], lanes.index[j]};
        double* column = trust.column(j);
        const bool rivals = partner.sector > 0.0;
        const bool met = partner.attends != 0.0;
        if (rivals && met) {
            update_column<true, true, Weighted>(rule, lanes, partner, stride, column, row_sum,
                                                weighted_sum);
        } else if (rivals) {
            update_column<true, false, Weighted>(rule, lanes, partner, stride, column, row_sum,
                                                 weighted_sum);
        } else if (met) {
            update_column<false, true, Weighted>(rule, lanes, partner, stride, column, row_sum,
                                                 weighted_sum);
        } else {
            update_column<false, false, Weighted>(rule, lanes, partner, stride, column, row_sum,
                                                  weighted_sum);
        }
    }
}

REGIOSIM_VECTOR_CLONES void update_plain(const TrustRule& rule,
                                         const SimulationState::PairLanes& lanes,
                                         const double* contribution, std::size_t n,
                                         TrustMatrix& trust, double* row_sum) {
    update_matrix<false>(rule, lanes, contribution, n, trust, row_sum, nullptr);
}

REGIOSIM_VECTOR_CLONES void update_weighted(const TrustRule& rule,
                                            const SimulationState::PairLanes& lanes,
                                            const double* contribution, std::size_t n,
                                            TrustMatrix& trust, double* row_sum,
                                            double* weighted_sum) {
    update_matrix<true>(rule, lanes, contribution, n, trust, row_sum, weighted_sum);
}

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

    // The pair loop is the hottest of the step: see update_matrix. Its invariants are hoisted
    // in the order in which the formulas multiply them, so every value is bit-identical to the
    // rule-by-rule form.
    TrustRule rule;
    rule.build = p.trust_build_rate * observation;
    rule.build_rival = rule.build * (1.0 - p.trust_school_rivalry);
    rule.erosion = p.trust_erosion_rate * observation;
    rule.conflict = p.trust_conflict_erosion * s.conflict;
    rule.conflict_rival = 1.0 + p.trust_school_rivalry;
    rule.meeting_gain = p.meetings_trust_gain;
    rule.fade = p.trust_fade;
    rule.institutional = p.trust_institutional;
    auto& lanes = s.lanes;
    for (std::size_t i = 0; i < n; ++i) {
        lanes.expected[i] = p.trust_reciprocity_norm * a.contribution[i];
        lanes.active[i] = a.active[i] ? 1.0 : 0.0;
        lanes.attends[i] = meeting && a.attends[i] ? 1.0 : 0.0;
    }
    if (s.utilitair_partners) {
        // Next month's trust-weighted contributions (decide_contributions) weigh these sums by
        // what was given this month, which is what they will then call last month's.
        update_weighted(rule, lanes, a.contribution.data(), n, s.trust, s.row_sum.data(),
                        s.row_weighted_sum.data());
        s.row_sums = RowSumsHeld::plain_and_weighted;
    } else {
        update_plain(rule, lanes, a.contribution.data(), n, s.trust, s.row_sum.data());
        s.row_sums = RowSumsHeld::plain;
    }
}

}  // namespace regiosim::model

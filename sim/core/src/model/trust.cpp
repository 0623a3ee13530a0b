#include <algorithm>

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

struct PartnerLanes {
    const double* expected;
    const double* active;
    const double* attends;
    const double* sector;
    const double* index;
};

// Column j of the trust matrix: the trust of every active partner i in partner j. Inactive
// partners and the diagonal keep their value. `Rivals`: j is a school whose sector may hold
// rivals; `Met`: j attended this month's meeting. Without them the rule's rivalry and meeting
// terms are exactly neutral (a factor 1.0, an unchanged value), so leaving them out changes no
// bit, and the common columns get a shorter loop.
//
// The row sums that update_commitment and refresh_means need are taken on the way, while the
// column is in registers, instead of in two more passes over the matrix: row i receives the new
// values of the active columns j ≠ i in increasing j (+0.0 for its own entry, which leaves a sum
// of non-negative terms unchanged), exactly the additions sum_trust_rows would make, so every sum
// is bit-identical to it. The sums are an array of their own (__restrict): without that promise
// the loop would need more run-time overlap checks than GCC makes, and would not vectorise.
template <bool Rivals, bool Met>
[[gnu::always_inline]] inline void update_column(const TrustRule& rule, const PartnerLanes& lanes,
                                                 const double* contribution,
                                                 const double* alignment, std::size_t n,
                                                 std::size_t j, double* trust,
                                                 double* __restrict row_sum) {
    const double* expected = lanes.expected;
    const double* active = lanes.active;
    const double* attends = lanes.attends;
    const double* sector = lanes.sector;
    const double* index = lanes.index;
    const double given = contribution[j];
    const double alignment_j = alignment[j];
    const double sector_j = sector[j];
    const double self = index[j];
    double* column = trust + j * n;
    const double own = column[j];
    for (std::size_t i = 0; i < n; ++i) {
        const double before = column[i];
        const bool rival = Rivals && sector[i] == sector_j;
        // Kept promises build slowly; free-riding breaks fast (1:3, Luna-Reyes et al.).
        const double built = before + (rival ? rule.build_rival : rule.build) * (1.0 - before);
        const double shortfall = (expected[i] - given) / expected[i];
        const double eroded = before - rule.erosion * shortfall * before;
        double t = given >= expected[i] ? built : eroded;
        const double misaligned = 1.0 - 0.5 * (alignment[i] + alignment_j);
        if constexpr (Rivals) {
            t -= rule.conflict * misaligned * (rival ? rule.conflict_rival : 1.0) * t;
        } else {
            t -= rule.conflict * misaligned * t;
        }
        if constexpr (Met) {
            const double after_meeting = t + rule.meeting_gain * (1.0 - t);
            t = attends[i] != 0.0 ? after_meeting : t;
        }
        t += rule.fade * (rule.institutional - t);
        t = t < 0.0 ? 0.0 : t;  // std::clamp, spelt so that the loop stays branch-free
        t = t > 1.0 ? 1.0 : t;
        const double after = active[i] != 0.0 ? t : before;
        column[i] = after;
        row_sum[i] += index[i] == self ? 0.0 : after;
    }
    column[j] = own;
}

// Trust of every partner in every active partner, column by column of the column-major matrix,
// with the row sums of the result in row_sum.
REGIOSIM_VECTOR_CLONES void update_columns(const TrustRule& rule, const PartnerLanes& lanes,
                                           const double* contribution, const double* alignment,
                                           std::size_t n, double* trust,
                                           double* __restrict row_sum) {
    std::fill(row_sum, row_sum + n, 0.0);
    for (std::size_t j = 0; j < n; ++j) {
        if (lanes.active[j] == 0.0) {
            continue;
        }
        const bool rivals = lanes.sector[j] != 0.0;
        const bool met = lanes.attends[j] != 0.0;
        if (rivals && met) {
            update_column<true, true>(rule, lanes, contribution, alignment, n, j, trust, row_sum);
        } else if (rivals) {
            update_column<true, false>(rule, lanes, contribution, alignment, n, j, trust, row_sum);
        } else if (met) {
            update_column<false, true>(rule, lanes, contribution, alignment, n, j, trust, row_sum);
        } else {
            update_column<false, false>(rule, lanes, contribution, alignment, n, j, trust, row_sum);
        }
    }
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

    // The pair loop is the hottest of the step: see update_columns. Its invariants are hoisted
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
        lanes.sector[i] = static_cast<double>(a.sector[i]);
    }
    const PartnerLanes partners{lanes.expected.data(), lanes.active.data(), lanes.attends.data(),
                                lanes.sector.data(), lanes.index.data()};
    update_columns(rule, partners, a.contribution.data(), a.alignment.data(), n, s.trust.data(),
                   s.row_sum.data());
}

}  // namespace regiosim::model

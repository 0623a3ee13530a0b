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
};

// Trust of every partner i in every active partner j, column by column of the column-major
// matrix. Inactive partners and the diagonal keep their value.
REGIOSIM_VECTOR_CLONES void update_columns(const TrustRule& rule, const PartnerLanes& lanes,
                                           const double* contribution, const double* alignment,
                                           std::size_t n, double* trust) {
    const double* expected = lanes.expected;
    const double* active = lanes.active;
    const double* attends = lanes.attends;
    const double* sector = lanes.sector;
    for (std::size_t j = 0; j < n; ++j) {
        if (active[j] == 0.0) {
            continue;
        }
        const double given = contribution[j];
        const double alignment_j = alignment[j];
        const double met_j = attends[j];
        const double sector_j = sector[j];
        double* column = trust + j * n;
        const double own = column[j];
        for (std::size_t i = 0; i < n; ++i) {
            const double before = column[i];
            const bool rival = (sector_j != 0.0) & (sector[i] == sector_j);
            // Kept promises build slowly; free-riding breaks fast (1:3, Luna-Reyes et al.).
            const double built = before + (rival ? rule.build_rival : rule.build) * (1.0 - before);
            const double shortfall = (expected[i] - given) / expected[i];
            const double eroded = before - rule.erosion * shortfall * before;
            double t = given >= expected[i] ? built : eroded;
            const double misaligned = 1.0 - 0.5 * (alignment[i] + alignment_j);
            t -= rule.conflict * misaligned * (rival ? rule.conflict_rival : 1.0) * t;
            const double after_meeting = t + rule.meeting_gain * (1.0 - t);
            t = met_j * attends[i] != 0.0 ? after_meeting : t;
            t += rule.fade * (rule.institutional - t);
            t = t < 0.0 ? 0.0 : t;  // std::clamp, spelt so that the loop stays branch-free
            t = t > 1.0 ? 1.0 : t;
            column[i] = active[i] != 0.0 ? t : before;
        }
        column[j] = own;
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
                                lanes.sector.data()};
    update_columns(rule, partners, a.contribution.data(), a.alignment.data(), n, s.trust.data());
}

}  // namespace regiosim::model

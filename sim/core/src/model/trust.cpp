#include <algorithm>

#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

namespace {

void draw_attendance(SimulationState& s, const StepContext& c) {
    auto& a = s.partners;
    // In a large network one meeting connects only part of it.
    const double reach = s.n_active > 0 ? std::min(1.0, c.p.size_meeting_group / s.n_active) : 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        a.attends[i] = a.active[i] && c.rng.bernoulli(reach * (0.5 + 0.5 * a.commitment[i]),
                                                      DrawPurpose::meeting_attendance,
                                                      static_cast<std::uint32_t>(s.month),
                                                      static_cast<std::uint32_t>(i))
                           ? 1
                           : 0;
        if (a.attends[i]) {
            a.commitment[i] += c.p.meetings_commitment_gain * (1.0 - a.commitment[i]);
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

    // The pair loop is the hottest of the step. Its invariants are hoisted in the order in
    // which the formulas multiply them, so every result stays bit-identical, and it runs down
    // the columns of the column-major trust matrix: each pair is updated once and on its own,
    // so the order of pairs does not matter.
    const double build = p.trust_build_rate * observation;
    const double build_rival = build * (1.0 - p.trust_school_rivalry);
    const double erosion = p.trust_erosion_rate * observation;
    const double conflict = p.trust_conflict_erosion * s.conflict;
    const double conflict_rival = 1.0 + p.trust_school_rivalry;
    double* expected = s.scratch.data();
    for (std::size_t i = 0; i < n; ++i) {
        expected[i] = p.trust_reciprocity_norm * a.contribution[i];
    }
    double* trust = s.trust.data();
    for (std::size_t j = 0; j < n; ++j) {
        if (!a.active[j]) {
            continue;
        }
        const double given = a.contribution[j];
        const int sector = a.sector[j];
        const double alignment = a.alignment[j];
        const bool met = meeting && a.attends[j];
        double* column = trust + j * n;
        for (std::size_t i = 0; i < n; ++i) {
            if (i == j || !a.active[i]) {
                continue;
            }
            double t = column[i];
            const bool rival = sector != 0 && a.sector[i] == sector;
            // Kept promises build slowly; free-riding breaks fast (1:3, Luna-Reyes et al.).
            if (given >= expected[i]) {
                t += (rival ? build_rival : build) * (1.0 - t);
            } else {
                const double shortfall = (expected[i] - given) / expected[i];
                t -= erosion * shortfall * t;
            }
            const double misaligned = 1.0 - 0.5 * (a.alignment[i] + alignment);
            t -= conflict * misaligned * (rival ? conflict_rival : 1.0) * t;
            if (met && a.attends[i]) {
                t += p.meetings_trust_gain * (1.0 - t);
            }
            t += p.trust_fade * (p.trust_institutional - t);
            column[i] = std::clamp(t, 0.0, 1.0);
        }
    }
}

}  // namespace regiosim::model

#include <algorithm>

#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

namespace {

bool rivals(const PartnerArrays& a, std::size_t i, std::size_t j) {
    return a.sector[i] != 0 && a.sector[i] == a.sector[j];
}

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

    for (std::size_t i = 0; i < n; ++i) {
        if (!a.active[i]) {
            continue;
        }
        const auto ii = static_cast<Eigen::Index>(i);
        const double expected = p.trust_reciprocity_norm * a.contribution[i];
        for (std::size_t j = 0; j < n; ++j) {
            if (j == i || !a.active[j]) {
                continue;
            }
            double& t = s.trust(ii, static_cast<Eigen::Index>(j));
            const bool rival = rivals(a, i, j);
            // Kept promises build slowly; free-riding breaks fast (1:3, Luna-Reyes et al.).
            if (a.contribution[j] >= expected) {
                t += p.trust_build_rate * observation *
                     (rival ? 1.0 - p.trust_school_rivalry : 1.0) * (1.0 - t);
            } else {
                const double shortfall = (expected - a.contribution[j]) / expected;
                t -= p.trust_erosion_rate * observation * shortfall * t;
            }
            const double misaligned = 1.0 - 0.5 * (a.alignment[i] + a.alignment[j]);
            t -= p.trust_conflict_erosion * s.conflict * misaligned *
                 (rival ? 1.0 + p.trust_school_rivalry : 1.0) * t;
            if (meeting && a.attends[i] && a.attends[j]) {
                t += p.meetings_trust_gain * (1.0 - t);
            }
            t += p.trust_fade * (p.trust_institutional - t);
            t = std::clamp(t, 0.0, 1.0);
        }
    }
}

}  // namespace regiosim::model

// docs/ODD.md §7.7: trust, including meetings and attendance.
#include <algorithm>
#include <vector>

#include "regiosim/reference/submodels.hpp"

namespace regiosim::reference {

namespace {

// §7.7: in a meeting month each active i attends with probability reach · (0.5 + 0.5 m_i),
// uniform i of the month's single-precision row (t, ⌊i/4⌋, 0); attendees gain commitment.
void hold_meeting(ReferenceState& s, const Step& c) {
    const auto& p = c.p;
    const double reach = s.n_active > 0 ? std::min(1.0, p.size_meeting_group / s.n_active) : 0.0;
    std::vector<float> draws(s.size());
    c.rng.single_uniforms(DrawPurpose::meeting_attendance, static_cast<std::uint32_t>(s.month), 0,
                          s.size(), draws.data());
    for (std::size_t i = 0; i < s.size(); ++i) {
        Partner& a = s.partners[i];
        a.attends = a.active && double{draws[i]} < reach * (0.5 + 0.5 * a.commitment);
        if (a.attends) {
            a.commitment += p.meetings_commitment_gain * (1.0 - a.commitment);
        }
    }
}

// §7.7: the pair rule for T = T_ij, step by step as the ODD writes it.
double updated_pair(const ReferenceState& s, const Step& c, std::size_t i, std::size_t j,
                    double observation, bool meeting) {
    const auto& p = c.p;
    const Partner& a = s.partners[i];
    const Partner& b = s.partners[j];
    double t = s.trust_of(i, j);
    const double expected = p.trust_reciprocity_norm * a.contribution;  // ε
    const bool rival = a.sector != 0 && a.sector == b.sector;
    if (b.contribution >= expected) {
        t += p.trust_build_rate * observation * (rival ? 1.0 - p.trust_school_rivalry : 1.0) *
             (1.0 - t);
    } else {
        t -= p.trust_erosion_rate * observation * ((expected - b.contribution) / expected) * t;
    }
    t -= p.trust_conflict_erosion * s.conflict * (1.0 - (a.alignment + b.alignment) / 2.0) *
         (rival ? 1.0 + p.trust_school_rivalry : 1.0) * t;
    if (meeting && a.attends && b.attends) {
        t += p.meetings_trust_gain * (1.0 - t);
    }
    t += p.trust_fade * (p.trust_institutional - t);
    return clamp01(t);
}

}  // namespace

// §7.7: meetings, then every ordered active pair in place, rows i and columns j in index order.
void update_trust(ReferenceState& s, const Step& c) {
    const auto& p = c.p;
    const bool meeting = meeting_in_month(s.effects.meetings_per_year, s.month);
    for (Partner& a : s.partners) {
        a.attends = false;
    }
    if (meeting) {
        hold_meeting(s, c);
    }
    const double observation =
        p.trust_observation_rate * (s.effects.agreements ? 1.0 + p.agreements_visibility : 1.0);
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!s.partners[i].active) {
            continue;
        }
        for (std::size_t j = 0; j < s.size(); ++j) {
            if (j != i && s.partners[j].active) {
                s.trust_of(i, j) = updated_pair(s, c, i, j, observation, meeting);
            }
        }
    }
}

}  // namespace regiosim::reference

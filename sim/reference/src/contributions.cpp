// docs/ODD.md §7.5: contributions.
#include <algorithm>

#include "regiosim/reference/submodels.hpp"

namespace regiosim::reference {

namespace {

// §7.5: the style rule s_i on last month's contributions c'_j of the other active partners.
double style_rule(const ReferenceState& s, const Step& c, std::size_t i) {
    const auto& p = c.p;
    const Partner& a = s.partners[i];
    const int others = s.n_active - 1;
    double total = 0.0;         // Σ_{j active} c'_j
    double weighted = 0.0;      // Σ_{j≠i active} T_ij c'_j
    double trust_weight = 0.0;  // Σ_{j≠i active} T_ij
    for (std::size_t j = 0; j < s.size(); ++j) {
        if (!s.partners[j].active) {
            continue;
        }
        total += s.partners[j].prev_contribution;
        if (j != i) {
            weighted += s.trust_of(i, j) * s.partners[j].prev_contribution;
            trust_weight += s.trust_of(i, j);
        }
    }
    const double mean_others = others > 0 ? (total - a.prev_contribution) / others : 0.0;
    const double trusted_others = trust_weight > 0.0 ? weighted / trust_weight : 0.0;
    switch (a.style) {
        case Style::defensief:
            return p.style_defensief_base + p.style_defensief_slope * mean_others;
        case Style::utilitair:
            return (p.style_utilitair_base + p.style_utilitair_slope * trusted_others) *
                   std::min(1.0, a.perceived_return / p.style_utilitair_required_return);
        case Style::offensief:
            return p.style_offensief_invest * (0.5 + 0.5 * a.alignment);
        case Style::overstijgend:
            return p.style_overstijgend_base + p.style_overstijgend_slope * mean_others;
    }
    return 0.0;
}

// §7.5: c_i from the style rule, willingness, hold-back, crowding, agreements and team focus.
double contribution_of(const ReferenceState& s, const Step& c, std::size_t i) {
    const auto& p = c.p;
    const Partner& a = s.partners[i];
    double x = clamp01(style_rule(s, c, i));
    const double willingness =
        p.style_willingness_floor + (1.0 - p.style_willingness_floor) * a.commitment;
    const double holdback = 1.0 - s.conflict * (1.0 - a.alignment);
    const double crowding = s.coordinator_present
                                ? 1.0 - p.coordinator_crowding * s.effects.coordinator_intensity
                                : 1.0;
    x = x * willingness * holdback * crowding;
    const bool held = a.style == Style::defensief || a.style == Style::utilitair;
    if (s.effects.agreements && held) {
        x = std::max(x, p.agreements_level * p.agreements_compliance * willingness);
    }
    if (s.effects.team && s.team_leader >= 0 && a.team_member) {
        x = x + p.team_member_focus * (1.0 - x);
    }
    return clamp01(x);
}

}  // namespace

// §7.5: last month's contributions become c'; every active partner decides c_i (inactive 0).
void decide_contributions(ReferenceState& s, const Step& c) {
    for (Partner& a : s.partners) {
        a.prev_contribution = a.contribution;
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
        s.partners[i].contribution = s.partners[i].active ? contribution_of(s, c, i) : 0.0;
    }
}

}  // namespace regiosim::reference

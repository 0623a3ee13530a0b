#include <algorithm>

#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

namespace {

// What a style gives as a share of capacity, before commitment and the interest game
// (Jonsson & Jonsson 2025 linear rules; seed 001 styles).
double style_rule(Style style, double others_plain, double others_by_trust, double return_index,
                  double alignment, const ModelParameters& p) {
    switch (style) {
        case Style::defensief:
            return p.style_defensief_base + p.style_defensief_slope * others_plain;
        case Style::utilitair: {
            const double sure_gain =
                std::min(1.0, return_index / p.style_utilitair_required_return);
            return (p.style_utilitair_base + p.style_utilitair_slope * others_by_trust) * sure_gain;
        }
        case Style::offensief:
            return p.style_offensief_invest * (0.5 + 0.5 * alignment);
        case Style::overstijgend:
            return p.style_overstijgend_base + p.style_overstijgend_slope * others_plain;
    }
    return 0.0;
}

}  // namespace

void decide_contributions(SimulationState& s, const StepContext& c) {
    const auto& p = c.p;
    auto& a = s.partners;
    const auto n = a.size();
    for (std::size_t i = 0; i < n; ++i) {
        a.prev_contribution[i] = a.contribution[i];
    }
    double total = 0.0;
    for (std::size_t j = 0; j < n; ++j) {
        total += a.active[j] ? a.prev_contribution[j] : 0.0;
    }
    if (s.utilitair_partners && s.row_sums != RowSumsHeld::plain_and_weighted) {
        sum_trust_rows(s, true);
    }
    const bool team_working = s.effects.team && s.team_leader >= 0;
    const double crowding = s.coordinator_present
                                ? 1.0 - p.coordinator_crowding * s.effects.coordinator_intensity
                                : 1.0;

    for (std::size_t i = 0; i < n; ++i) {
        if (!a.active[i]) {
            a.contribution[i] = 0.0;
            continue;
        }
        const double others_plain =
            s.n_active > 1 ? (total - a.prev_contribution[i]) / (s.n_active - 1) : 0.0;
        double others_by_trust = others_plain;
        if (a.style[i] == Style::utilitair) {
            // Give and take partner by partner: others count as much as they are trusted.
            const double weights = s.row_sum[i];
            others_by_trust = weights > 0.0 ? s.row_weighted_sum[i] / weights : 0.0;
        }
        double x = std::clamp(style_rule(a.style[i], others_plain, others_by_trust,
                                         a.perceived_return[i], a.alignment[i], p),
                              0.0, 1.0);
        const double willingness =
            p.style_willingness_floor + (1.0 - p.style_willingness_floor) * a.commitment[i];
        // Interests that are not arranged make partners hold back (seed 001).
        const double holdback = 1.0 - s.conflict * (1.0 - a.alignment[i]);
        x *= willingness * holdback * crowding;
        if (s.effects.agreements &&
            (a.style[i] == Style::defensief || a.style[i] == Style::utilitair)) {
            x = std::max(x, p.agreements_level * p.agreements_compliance * willingness);
        }
        if (team_working && a.team_member[i]) {
            x += p.team_member_focus * (1.0 - x);
        }
        a.contribution[i] = std::clamp(x, 0.0, 1.0);
    }
}

}  // namespace regiosim::model

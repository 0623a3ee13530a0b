// docs/ODD.md §7.9: commitment and expertise.
#include <algorithm>

#include "regiosim/reference/submodels.hpp"

namespace regiosim::reference {

namespace {

// §7.9: β_i by style.
double return_sensitivity(Style style, const ModelParameters& p) {
    switch (style) {
        case Style::offensief:
            return p.commitment_return_sensitivity_offensief;
        case Style::overstijgend:
            return p.commitment_return_sensitivity_overstijgend;
        case Style::defensief:
        case Style::utilitair:
            break;
    }
    return 1.0;
}

// What §7.9 sums over the active partners: Σ c_j and K, the active kartrekkers.
struct ActiveTotals {
    double contribution = 0.0;
    int kartrekkers = 0;
};

// §7.9: plain sums over the active partners in index order.
ActiveTotals active_totals(const ReferenceState& s) {
    ActiveTotals totals;
    for (const Partner& a : s.partners) {
        if (a.active) {
            totals.contribution += a.contribution;
            totals.kartrekkers += a.kartrekker ? 1 : 0;
        }
    }
    return totals;
}

// §7.9: Δ for active partner i; π, d and the revival flag are the month's.
double commitment_change(const ReferenceState& s, const Step& c, std::size_t i,
                         const ActiveTotals& totals, double pull, double decay, bool revival) {
    const auto& p = c.p;
    const Partner& a = s.partners[i];
    const int others = s.n_active - 1;  // n_o
    double own_trust = 0.0;             // T̂_i
    double others_mean = 0.0;           // Ō_i
    double kartrekker_term = 0.0;
    if (others > 0) {
        double row = 0.0;
        for (std::size_t j = 0; j < s.size(); ++j) {
            row += j != i && s.partners[j].active ? s.trust_of(i, j) : 0.0;
        }
        own_trust = row / others;
        others_mean = (totals.contribution - a.contribution) / others;
        const int other_kartrekkers = totals.kartrekkers - (a.kartrekker ? 1 : 0);
        kartrekker_term =
            p.commitment_kartrekker_pull * other_kartrekkers / others * (1.0 - a.commitment);
    }
    const double m = a.commitment;
    double delta = p.commitment_return_gain * return_sensitivity(a.style, p) *
                   (a.perceived_return - p.commitment_return_reference);
    delta += pull * (1.0 - m) + kartrekker_term;
    delta += p.commitment_trust_gain * (own_trust - 0.5);
    delta -= decay * m;
    if (a.style != Style::overstijgend) {
        delta -= p.commitment_frustration * std::max(0.0, a.contribution - others_mean);
    }
    delta -= p.commitment_conflict_erosion * s.conflict * (1.0 - a.alignment);
    if (revival) {
        delta += p.coordinator_revival_gain * (1.0 - m);
    }
    return delta;
}

}  // namespace

// §7.9: m_i ← clamp(m_i + Δ), e_i ← e_i + key_figure.expertise_growth · c_i (1 − e_i), with this
// month's R, A, c, trust and C, and last month's m̄ for the revival.
void update_commitment(ReferenceState& s, const Step& c) {
    const auto& p = c.p;
    const double pull =
        p.commitment_intention_gain * s.intention * std::min(1.0, s.action) *
        (1.0 - p.commitment_policy_pressure_penalty * c.scenario.context.policy_pressure);  // π
    const double decay =
        p.commitment_decay * (s.effects.vertical ? 1.0 - p.vertical_decay_reduction : 1.0);
    const bool revival =
        s.coordinator_present && s.mean_commitment < p.coordinator_revival_threshold;
    const ActiveTotals totals = active_totals(s);
    for (std::size_t i = 0; i < s.size(); ++i) {
        Partner& a = s.partners[i];
        if (!a.active) {
            continue;
        }
        a.commitment =
            clamp01(a.commitment + commitment_change(s, c, i, totals, pull, decay, revival));
        a.expertise += p.key_figure_expertise_growth * a.contribution * (1.0 - a.expertise);
    }
}

}  // namespace regiosim::reference

#include <algorithm>

#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

namespace {

// How much a partner's commitment follows its own returns: an overstijgend partner carries
// the joint agenda regardless of gain; an offensief one accepts low returns while it invests.
double return_sensitivity(Style style, const ModelParameters& p) {
    switch (style) {
        case Style::overstijgend:
            return p.commitment_return_sensitivity_overstijgend;
        case Style::offensief:
            return p.commitment_return_sensitivity_offensief;
        default:
            return 1.0;
    }
}

}  // namespace

void update_commitment(SimulationState& s, const StepContext& c) {
    const auto& p = c.p;
    const auto& ctx = c.scenario.context;
    auto& a = s.partners;
    const auto n = a.size();
    int kartrekkers = 0;
    int active = 0;
    double total_contribution = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        kartrekkers += a.active[i] && a.kartrekker[i] ? 1 : 0;
        active += a.active[i] ? 1 : 0;
        total_contribution += a.active[i] ? a.contribution[i] : 0.0;
    }
    // Intention becomes commitment only where there is action to join (contracts and trust are
    // complements: Poppo & Zenger 2002); policy pressure spoils part of it (seed 001).
    const double intention_pull =
        p.commitment_intention_gain * s.intention * std::min(1.0, s.action) *
        (1.0 - p.commitment_policy_pressure_penalty * ctx.policy_pressure);
    const double decay =
        p.commitment_decay * (s.effects.vertical ? 1.0 - p.vertical_decay_reduction : 1.0);
    const bool revival =
        s.coordinator_present && s.mean_commitment < p.coordinator_revival_threshold;

    for (std::size_t i = 0; i < n; ++i) {
        if (!a.active[i]) {
            continue;
        }
        const int others = active - 1;
        const double own_trust = others > 0 ? s.row_sum[i] / others : 0.0;
        const double others_mean =
            others > 0 ? (total_contribution - a.contribution[i]) / others : 0.0;
        const int other_kartrekkers = kartrekkers - (a.kartrekker[i] ? 1 : 0);
        const double m = a.commitment[i];

        double dm = p.commitment_return_gain * return_sensitivity(a.style[i], p) *
                    (a.perceived_return[i] - p.commitment_return_reference);
        dm += intention_pull * (1.0 - m);
        dm += others > 0 ? p.commitment_kartrekker_pull * other_kartrekkers / others * (1.0 - m)
                         : 0.0;
        dm += p.commitment_trust_gain * (own_trust - 0.5);
        dm -= decay * m;
        if (a.style[i] != Style::overstijgend) {
            // Conditional cooperators tire of giving more than others (Fischbacher & Gächter 2010).
            dm -= p.commitment_frustration * std::max(0.0, a.contribution[i] - others_mean);
        }
        dm -= p.commitment_conflict_erosion * s.conflict * (1.0 - a.alignment[i]);
        if (revival) {
            dm += p.coordinator_revival_gain * (1.0 - m);
        }
        a.commitment[i] = std::clamp(m + dm, 0.0, 1.0);
        a.expertise[i] +=
            p.key_figure_expertise_growth * a.contribution[i] * (1.0 - a.expertise[i]);
    }
}

}  // namespace regiosim::model

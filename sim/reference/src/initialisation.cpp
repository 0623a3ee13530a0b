// docs/ODD.md §5, "Per run": the starting state of the collaboration, its partners, the trust
// between them and the interventions. Every draw of a run's start happens here.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "regiosim/reference/submodels.hpp"

namespace regiosim::reference {

// §5 "Collaboration" (on a state reset to its defaults, which are §5's): I_0 =
// clamp(intention.initial + existing bonus + region spread · z_R), the rest at rest; the first
// thresholds of the collaboration's hazard clocks (§4.9 table).
void initialise_collaboration(ReferenceState& s, const Step& c, double climate) {
    const auto& p = c.p;
    const bool existing = c.scenario.context.existing_structure;
    s.intention = clamp01(p.intention_initial + (existing ? p.existing_intention_bonus : 0.0) +
                          p.region_intention_spread * climate);
    s.phase = existing ? Phase::structuring : Phase::forming;
    s.money_settled = c.scenario.context.money_settled;
    s.coordinator_clock = c.rng.exponential(DrawPurpose::coordinator_departure, 0, 0, 1);
    s.business_cycle_clock = c.rng.exponential(DrawPurpose::business_cycle, 0, 0, 1);
    s.success_clock = c.rng.exponential(DrawPurpose::small_success, 0, 0, 0);
}

// §5 "Partners": alignment, capacity, commitment, expertise, kartrekker; the first thresholds of
// the partners' clocks. The per-partner draws are single-precision rows (§4.9).
void initialise_partners(ReferenceState& s, const Step& c, double climate) {
    const auto& p = c.p;
    const auto& ctx = c.scenario.context;
    const std::size_t n = c.scenario.partners.size();
    std::vector<float> kartrekker_draw(n);
    std::vector<float> commitment_noise(n);
    std::vector<float> key_figure_threshold(n);
    std::vector<float> exit_threshold(n);
    std::vector<float> returns_exit_threshold(n);
    c.rng.single_uniforms(DrawPurpose::key_figure_newcomer, 0, 1, n, kartrekker_draw.data());
    c.rng.single_normals(DrawPurpose::partner_heterogeneity, 0, 0, n, commitment_noise.data());
    c.rng.single_exponentials(DrawPurpose::key_figure_departure, 0, 1, n,
                              key_figure_threshold.data());
    c.rng.single_exponentials(DrawPurpose::partner_exit, 0, 0, n, exit_threshold.data());
    c.rng.single_exponentials(DrawPurpose::partner_exit, 0, 1, n, returns_exit_threshold.data());
    s.partners.assign(n, Partner{});
    for (std::size_t i = 0; i < n; ++i) {
        const auto& spec = c.scenario.partners[i];
        Partner& a = s.partners[i];
        a.style = spec.style;
        a.type = spec.type;
        a.sector = ctx.per_pupil_competition ? school_sector(spec.type) : 0;
        a.join_month = spec.join_month;
        a.alignment = clamp01(spec.alignment + p.region_alignment_spread * climate);
        a.capacity = spec.capacity / (1.0 + p.capacity_overload_per_collaboration *
                                                (spec.parallel_collaborations - 1));
        a.effective_capacity = a.capacity;
        a.commitment = clamp01(spec.commitment + p.region_commitment_spread * climate +
                               p.initial_commitment_spread * double{commitment_noise[i]});
        a.expertise = std::min(
            1.0, spec.expertise + (ctx.existing_structure ? p.existing_expertise_bonus : 0.0));
        a.kartrekker =
            spec.kartrekker || double{kartrekker_draw[i]} < p.key_figure_kartrekker_share;
        a.perceived_return = p.commitment_return_reference;
        a.key_figure_clock = key_figure_threshold[i];
        a.exit_clock = exit_threshold[i];
        a.returns_exit_clock = returns_exit_threshold[i];
    }
}

// §5 "Trust": T_ii = 1, T_ij = clamp(trust.initial + existing bonus + region spread · z_R +
// trust.initial_spread · z_ij), z_ij normal k = j·n + i of one single-precision row.
void initialise_trust(ReferenceState& s, const Step& c, double climate) {
    const auto& p = c.p;
    const std::size_t n = s.size();
    const double base = p.trust_initial + p.region_trust_spread * climate +
                        (c.scenario.context.existing_structure ? p.existing_trust_bonus : 0.0);
    std::vector<float> normals(n * n);
    c.rng.single_normals(DrawPurpose::initial_state, 0, 0, n * n, normals.data());
    s.trust.assign(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            const double z = normals[j * n + i];
            s.trust_of(i, j) = i == j ? 1.0 : clamp01(base + p.trust_initial_spread * z);
        }
    }
}

// §5 "Interventions": inactive, next_allowed = start_month; funded_by and leader resolved by name
// (for several streams of the same name, the last).
void initialise_interventions(ReferenceState& s, const Step& c) {
    s.interventions.assign(c.interventions.size(), InterventionRuntime{});
    for (std::size_t k = 0; k < c.interventions.size(); ++k) {
        const auto& spec = c.interventions[k];
        auto& rt = s.interventions[k];
        rt.next_allowed = spec.start_month;
        for (std::size_t f = 0; f < c.scenario.funding.size() && !spec.funded_by.empty(); ++f) {
            if (c.scenario.funding[f].name == spec.funded_by) {
                rt.funded_by = static_cast<int>(f);
            }
        }
        rt.leader = spec.leader.empty() ? -1 : c.scenario.partner_index(spec.leader);
    }
}

}  // namespace regiosim::reference

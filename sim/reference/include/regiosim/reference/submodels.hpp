#pragma once

#include <cstddef>
#include <vector>

#include "regiosim/core/event_log.hpp"
#include "regiosim/core/random.hpp"
#include "regiosim/core/run_result.hpp"
#include "regiosim/core/scenario.hpp"
#include "regiosim/reference/reference_state.hpp"

/// The submodels of the reference engine, one per subsection of docs/ODD.md, in the order of
/// the monthly step (§3). Each is a plain function of the state and what it may read besides.
namespace regiosim::reference {

/// What every submodel may read besides the state.
struct Step {
    const Scenario& scenario;
    const std::vector<InterventionSpec>& interventions;
    const ModelParameters& p;
    const RandomStream& rng;
    EventLog& log;
    RunResult& result;
};

// §7 helpers (common.cpp).
[[nodiscard]] double clamp01(double x) noexcept;
[[nodiscard]] double monthly_probability(double yearly) noexcept;
[[nodiscard]] double monthly_hazard(double p) noexcept;
[[nodiscard]] bool meeting_in_month(double per_year, int month) noexcept;
/// One month at risk of a hazard clock (§4.9): runs it down; true when it ran out.
[[nodiscard]] bool clock_runs_out(double& clock, double hazard) noexcept;
/// N, m̄ and T̄ over the active partners (§2.3, §7.11 "refresh").
void refresh_means(ReferenceState& s);

// §5, per run (initialisation.cpp).
void initialise_collaboration(ReferenceState& s, const Step& c, double climate);
void initialise_partners(ReferenceState& s, const Step& c, double climate);
void initialise_trust(ReferenceState& s, const Step& c, double climate);
void initialise_interventions(ReferenceState& s, const Step& c);

// §7.1 (admission.cpp).
void admit_joining_partners(ReferenceState& s, const Step& c);
// §7.2 (funding.cpp).
void update_funding(ReferenceState& s, const Step& c);
// §7.3 (interventions.cpp, intervention_effects.cpp).
void update_interventions(ReferenceState& s, const Step& c);
void start_intervention(ReferenceState& s, const Step& c, std::size_t k);
void stop_intervention(ReferenceState& s, const Step& c, std::size_t k);
void recompute_effects(ReferenceState& s, const Step& c);
// §7.4 (key_figures.cpp).
void update_key_figures(ReferenceState& s, const Step& c);
void coordinator_departs(ReferenceState& s, const Step& c, int intervention);
void team_leader_lost(ReferenceState& s, const Step& c, std::size_t i);
// §7.5 (contributions.cpp).
void decide_contributions(ReferenceState& s, const Step& c);
// §7.6 (output.cpp).
void produce_results(ReferenceState& s, const Step& c);
// §7.7 (trust.cpp).
void update_trust(ReferenceState& s, const Step& c);
// §7.8 (conflict.cpp).
void update_conflict(ReferenceState& s, const Step& c);
// §7.9 (commitment.cpp).
void update_commitment(ReferenceState& s, const Step& c);
// §7.10 (exits.cpp).
void decide_exits(ReferenceState& s, const Step& c);
void leave(ReferenceState& s, const Step& c, std::size_t i, EventKind why);
// §7.11 (collaboration.cpp).
void update_collaboration(ReferenceState& s, const Step& c);
// §8.1–8.2 (ending.cpp; the flywheel counter is part of §7.11's phase step).
[[nodiscard]] EndCause check_ending(ReferenceState& s, const Step& c);
void update_flywheel(ReferenceState& s, const Step& c);

}  // namespace regiosim::reference

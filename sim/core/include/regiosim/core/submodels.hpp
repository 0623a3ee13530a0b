#pragma once

#include "regiosim/core/event_log.hpp"
#include "regiosim/core/random.hpp"
#include "regiosim/core/scenario.hpp"
#include "regiosim/core/simulation_state.hpp"

/// The submodels of the monthly step, in the order Simulation::step calls them (docs/ODD.md,
/// "Process overview and scheduling"). Each reads the immutable scenario and changes the state.
namespace regiosim::model {

/// What every submodel may read besides the state.
struct StepContext {
    const Scenario& scenario;
    const ModelParameters& p;
    const RandomStream& rng;
    EventLog& log;
    RunResult& result;
};

/// Partners whose join month has come become active.
void admit_joining_partners(SimulationState& s, const StepContext& c);
/// Business-cycle shocks and the funding available this month; detects funding cliffs.
void update_funding(SimulationState& s, const StepContext& c);
/// Starts, ends and triggers interventions; applies their one-time effects; books their cost.
void update_interventions(SimulationState& s, const StepContext& c);
/// Key figures, the coordinator and the team leader come and go.
void update_key_figures(SimulationState& s, const StepContext& c);
/// The coordinator (the person) leaves: commitment falls with the network's dependence on them.
void coordinator_departs(SimulationState& s, const StepContext& c, int intervention);
/// The execution team loses its trekker `i` (the person or the whole organisation): the team
/// stalls for a vacancy and every active partner loses part of its commitment.
void team_leader_lost(SimulationState& s, const StepContext& c, std::size_t i);
/// A style's contribution rule, base + slope · (what the others gave), as a share of capacity
/// before commitment and the interest game (contributions.cpp).
struct ContributionRule {
    double base;
    double slope;
};
[[nodiscard]] ContributionRule contribution_rule(Style style, double alignment,
                                                 const ModelParameters& p) noexcept;
/// Each partner decides how much to contribute, by its style.
void decide_contributions(SimulationState& s, const StepContext& c);
/// Joint output, small successes and perceived returns.
void produce_results(SimulationState& s, const StepContext& c);
/// Directed trust: reciprocity, meetings, shared success, conflict, fading. Leaves in s.row_sum
/// the row sums of the updated matrix (as sum_trust_rows would compute them) and, when the
/// scenario has utilitair partners, in s.row_weighted_sum those weighted by this month's
/// contributions.
void update_trust(SimulationState& s, const StepContext& c);
/// The distribution conflict over money ("meer onderhandeld dan samengewerkt").
void update_conflict(SimulationState& s, const StepContext& c);
/// How far a partner's commitment follows its own returns, by style (commitment.cpp).
[[nodiscard]] double return_sensitivity(Style style, const ModelParameters& p) noexcept;
/// Commitment and expertise of each partner. Reads the trust row sums that update_trust left
/// in s.row_sum: in the monthly step nothing changes the matrix or who is active in between.
void update_commitment(SimulationState& s, const StepContext& c);
/// Partner `i` leaves now (logged as `why`); a leaving team leader leaves the team vacant.
void remove_partner(SimulationState& s, const StepContext& c, std::size_t i, EventKind why);
/// Partners leave: low commitment, returns that never came, renewal moments.
void decide_exits(SimulationState& s, const StepContext& c);
/// Intention, dependence on the coordinator, phase, the flywheel, noticed history.
void update_collaboration(SimulationState& s, const StepContext& c);
/// Whether the collaboration has died this month and why; EndCause::censored if it lives.
[[nodiscard]] EndCause check_ending(SimulationState& s, const StepContext& c);

/// For every partner i, the sum of trust(i, j) over the other active partners j, into s.row_sum,
/// and — when `weights` is given — the sum of trust(i, j) · weights[j] into s.row_weighted_sum
/// (the weights are the contributions next month's decide_contributions calls last month's).
/// Only entries of active partners are meaningful. Sets s.row_sums.
void sum_trust_rows(SimulationState& s, const float* weights = nullptr);

/// The active partners' columns of the trust matrix, in increasing j, as the loops over the
/// matrix walk them: s.trusted[0 … s.trusted_count − 1], with s.trusted_from. Lists them again
/// only when who is active changed since the last call.
const TrustedColumn* list_trusted_columns(SimulationState& s);

/// Mean trust among active partners and mean commitment; refreshes the cached means. Sums the
/// rows of the trust matrix only when s.row_sums says they are stale.
void refresh_means(SimulationState& s);

/// True when a meeting series of `per_year` meetings has one in `month` (evenly spread).
[[nodiscard]] bool meeting_in_month(double per_year, int month) noexcept;

/// Monthly probability from a yearly one.
[[nodiscard]] double monthly_probability(double yearly) noexcept;

/// The monthly hazard −ln(1 − p) of a monthly probability p (0 for p ≤ 0, +∞ for p ≥ 1): a hazard
/// clock that runs down by it fires this month with probability p exactly (docs/ODD.md §4.9).
[[nodiscard]] double monthly_hazard(double p) noexcept;
/// The same, computed again only when `p` differs from the one remembered in `memo`.
[[nodiscard]] double monthly_hazard(double p, HazardMemo& memo) noexcept;
/// The monthly hazard of a yearly probability, remembered in `memo` with the yearly one.
[[nodiscard]] double yearly_hazard(double yearly, HazardMemo& memo) noexcept;

/// One month at risk of a hazard clock's event: runs the clock down by `hazard`; true when it has
/// run out, i.e. the event happens this month (the caller then draws the next threshold). The
/// partners' clocks are single precision, the collaboration's double.
template <class Real>
[[nodiscard]] inline bool clock_runs_out(Real& clock, Real hazard) noexcept {
    clock -= hazard;
    return clock <= Real{0};
}

}  // namespace regiosim::model

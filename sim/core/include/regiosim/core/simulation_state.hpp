#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "regiosim/core/cache_aligned.hpp"
#include "regiosim/core/intervention.hpp"
#include "regiosim/core/partner_type.hpp"
#include "regiosim/core/run_result.hpp"
#include "regiosim/core/style.hpp"
#include "regiosim/core/trust_matrix.hpp"

namespace regiosim {

/// Partner attributes as structure of arrays: the monthly loops stream through one attribute
/// at a time, and nothing here is resized after the run starts.
struct PartnerArrays {
    std::vector<Style> style;
    std::vector<PartnerType> type;
    std::vector<int> sector;  ///< school sector for per-pupil competition, 0 = not a school
    std::vector<int> join_month;
    std::vector<unsigned char> joined;
    std::vector<unsigned char> active;
    std::vector<unsigned char> kartrekker;
    std::vector<unsigned char> team_member;
    std::vector<double> alignment;
    std::vector<double> capacity;
    std::vector<double> effective_capacity;
    std::vector<double> commitment;
    std::vector<double> expertise;
    std::vector<double> contribution;       ///< this month, share of effective capacity
    std::vector<double> prev_contribution;  ///< last month, what others react to
    std::vector<double> perceived_return;   ///< smoothed return index, 0–1
    std::vector<double> instant_return;
    std::vector<double> invested;  ///< offensief bookkeeping: cumulative contribution
    std::vector<double> returned;  ///< offensief bookkeeping: cumulative return
    std::vector<int> months_active;
    std::vector<int> low_return_months;
    /// Hazard clocks (docs/ODD.md §4.9): what is left of each threshold before the event.
    std::vector<double> key_figure_clock;    ///< the partner's key figure leaves
    std::vector<double> exit_clock;          ///< leaves for low commitment (§7.10 rule 4)
    std::vector<double> returns_exit_clock;  ///< a utilitair partner leaves for returns (rule 2)
    std::vector<unsigned char> attends;      ///< scratch: attends this month's meeting
    // What the style fixes for the whole run, read by loops that treat every partner alike.
    std::vector<double> return_sensitivity;           ///< how far commitment follows own returns
    std::vector<unsigned char> tires_of_giving_more;  ///< all styles but overstijgend

    void resize(std::size_t n);
    [[nodiscard]] std::size_t size() const noexcept { return style.size(); }
};

/// The interventions' combined effect this month, recomputed from the active set.
struct ActiveEffects {
    bool covenant = false;
    bool agreements = false;
    bool team = false;         ///< a team exists (its leader may be vacant)
    bool coordinator = false;  ///< the role exists (the person may be vacant)
    bool vertical = false;
    bool monitoring = false;
    bool stable_funding = false;
    double meetings_per_year = 0.0;  ///< platform and informal meetings
    double coordinator_intensity = 0.0;
    double stable_level = 1.0;
};

/// Runtime state of one intervention of the arm.
struct InterventionRuntime {
    const InterventionSpec* spec = nullptr;
    int funded_by = -1;  ///< funding stream index
    int leader = -1;     ///< execution team leader partner index (resolved at start)
    bool active = false;
    bool finished = false;
    int active_until = -1;  ///< first month it is no longer active (-1: horizon)
    int firings = 0;
    int next_allowed = 0;
};

/// What SimulationState::row_sum and row_weighted_sum hold. Whatever changes the trust matrix
/// or who is active makes them stale; model::sum_trust_rows and model::update_trust fill them.
enum class RowSumsHeld : unsigned char {
    stale,
    plain,               ///< row_sum is current
    plain_and_weighted,  ///< and row_weighted_sum, weighted by partners' prev_contribution
};

/// A hazard clock's monthly hazard remembered with the probability it came from: the conversion
/// takes a logarithm (and, for a yearly rate, a power), and the probabilities rarely change between
/// months.
struct HazardMemo {
    double probability = -1.0;
    double hazard = 0.0;
};

/// An active partner j as the trust update reads it: its column of the matrix and what the rule
/// needs of j, in the matrix's single precision (model::update_trust fills one per active partner,
/// in increasing j, every month).
struct TrustedColumn {
    float given;                ///< j's contribution this month
    float conflict_part;        ///< j's part of the conflict factor
    float conflict_part_rival;  ///< the same between rivals
    float sector;               ///< PairLanes::sector of j
    float index;                ///< j, to tell the diagonal
    std::uint32_t column;       ///< j
    std::uint32_t offset;       ///< where column j starts in the matrix: j · stride
    bool rivals;                ///< j is a school whose sector may hold rivals
    bool met;                   ///< j attended this month's meeting
};

/// Everything that changes during a run.
struct SimulationState {
    int month = 0;
    PartnerArrays partners;
    TrustMatrix trust;  ///< trust(i, j): trust of partner i in partner j
    /// Per-partner sums over the trust matrix's rows (see model::sum_trust_rows), taken in the
    /// matrix's single precision; sized once, to the matrix's padded stride.
    PartnerLane row_sum;
    PartnerLane row_weighted_sum;
    RowSumsHeld row_sums = RowSumsHeld::stale;
    /// The scenario has utilitair partners, who weigh others' contributions by their trust.
    bool utilitair_partners = false;
    /// One uniform draw per partner for this month's purpose (RandomStream::uniforms); sized once.
    std::vector<double> draws;
    /// Per-partner inputs of the pair loops as floats, like the matrix (1 = yes), so that the
    /// loops vectorise without widening byte flags lane by lane; each loop fills what it reads;
    /// sized once, to the trust matrix's padded stride, with 0 (inactive, no sector) in the
    /// padding.
    struct PairLanes {
        TrustLane expected;  ///< what partner i expects from each other partner
        TrustLane erosion;   ///< erosion rate / expected: see model::update_trust
        TrustLane conflict;  ///< partner i's part of the conflict factor
        TrustLane conflict_rival;
        TrustLane final_slope;  ///< after a meeting (if i attended) and the fade
        TrustLane final_offset;
        TrustLane root_share;  ///< √(contribution relative to the largest one)
        TrustLane active;
        /// The school sector; −(i + 1) for a partner that is no school, so that two partners
        /// are rivals exactly when their lanes are equal. Filled by Simulation::reset.
        TrustLane sector;
        /// i itself: a pair loop tells the diagonal by comparing floats, which every vector
        /// width can (SSE2 cannot compare 32-bit integers and select by the result as cheaply).
        TrustLane index;
    } lanes;
    /// The active partners for the trust update; sized once, to the number of partners.
    std::vector<TrustedColumn> trusted;

    int n_active = 0;
    int n_joined = 0;
    double mean_trust = 0.0;
    double mean_commitment = 0.0;
    double intention = 0.0;
    double conflict = 0.0;
    double dependence = 0.0;
    double action = 0.0;
    double output = 0.0;
    double output_per_partner = 0.0;
    double cumulative_output = 0.0;
    int successes = 0;
    bool success_this_month = false;
    Phase phase = Phase::forming;

    bool money_settled = false;
    bool economy_shock = false;
    double funding = 0.0;
    double funding_prev = 0.0;
    double funding_at_stable_start = 0.0;
    int last_funding_drop = -100000;
    int last_leader_loss = -100000;

    bool coordinator_present = false;
    int coordinator_vacant_until = -1;
    int team_leader = -1;
    int team_vacant_until = -1;
    int covenant_next_renewal = -1;
    bool covenant_renewal_this_month = false;

    int drift_months = 0;
    int deadlock_months = 0;
    int flywheel_months = 0;

    /// Hazard clocks of the collaboration (docs/ODD.md §4.9): what is left of each threshold.
    double coordinator_clock = 0.0;     ///< the coordinator (the person) leaves
    double business_cycle_clock = 0.0;  ///< a shock begins, or the shock ends
    HazardMemo key_figure_departure;
    HazardMemo coordinator_departure;
    HazardMemo partner_exit;
    HazardMemo returns_exit;
    HazardMemo shock_begins;
    HazardMemo shock_ends;

    ActiveEffects effects;
    std::vector<InterventionRuntime> interventions;

    /// Noticed state for triggers: a ring buffer of past values per metric.
    static constexpr int history_length = 16;
    std::array<std::array<double, history_length>, 6> history{};
};

}  // namespace regiosim

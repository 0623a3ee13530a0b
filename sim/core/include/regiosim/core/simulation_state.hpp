#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "regiosim/core/cache_aligned.hpp"
#include "regiosim/core/collaboration_state.hpp"
#include "regiosim/core/intervention.hpp"
#include "regiosim/core/partner_type.hpp"
#include "regiosim/core/run_result.hpp"
#include "regiosim/core/style.hpp"
#include "regiosim/core/trust_matrix.hpp"

namespace regiosim {

/// Partner attributes as structure of arrays: the monthly loops stream through one attribute
/// at a time, and nothing here is resized after the run starts.
///
/// What changes during a run is a Lane: doubles (1.0 = yes for a flag), padded to the
/// trust matrix's stride with inactive partners (every value 0), so that a submodel's loop runs
/// over whole vector blocks without a remainder and vectorises without widening bytes. Loops that
/// treat partners one by one run to size(); vectorised ones to stride().
struct PartnerArrays {
    std::vector<Style> style;
    std::vector<PartnerType> type;
    std::vector<int> sector;  ///< school sector for per-pupil competition, 0 = not a school
    std::vector<int> join_month;
    Lane joined;
    Lane active;
    Lane kartrekker;
    Lane team_member;
    Lane alignment;
    Lane misalignment;  ///< 1 − alignment
    Lane capacity;
    Lane effective_capacity;
    Lane commitment;
    Lane expertise;
    Lane initial_expertise;  ///< what expertise starts at: constant
    Lane contribution;       ///< this month, share of effective capacity
    Lane prev_contribution;  ///< last month, what others react to
    Lane perceived_return;   ///< smoothed return index, 0–1
    Lane instant_return;
    Lane invested;  ///< offensief bookkeeping: cumulative contribution
    Lane returned;  ///< offensief bookkeeping: cumulative return
    Lane months_active;
    Lane low_return_months;
    /// Hazard clocks (docs/ODD.md §4.9): what is left of each threshold before the event.
    Lane key_figure_clock;    ///< the partner's key figure leaves
    Lane exit_clock;          ///< leaves for low commitment (§7.10 rule 4)
    Lane returns_exit_clock;  ///< a utilitair partner leaves for returns (rule 2)
    Lane attends;             ///< scratch: attends this month's meeting
    // What the style fixes for the whole run, read by loops that treat every partner alike.
    Lane return_sensitivity;    ///< how far commitment follows own returns
    Lane tires_of_giving_more;  ///< all styles but overstijgend
    Lane utilitair;             ///< the style is utilitair
    Lane offensief;             ///< the style is offensief
    Lane held_by_agreements;    ///< defensief and utilitair: performance agreements bind
    Lane contribution_base;     ///< the style's contribution rule: base + slope · others
    Lane contribution_slope;

    /// n partners, lanes padded to `stride` (≥ n): every lane of partner_lanes.
    void resize(std::size_t n, std::size_t stride);
    [[nodiscard]] std::size_t size() const noexcept { return style.size(); }
    [[nodiscard]] std::size_t stride() const noexcept { return active.size(); }
};

/// Every Lane of PartnerArrays, the one list resize() sizes. A lane added to the struct and not
/// here fails the static_assert below at compile time, instead of staying empty (a null lane
/// that a kernel would read past).
inline constexpr std::array partner_lanes = {
    &PartnerArrays::joined,
    &PartnerArrays::active,
    &PartnerArrays::kartrekker,
    &PartnerArrays::team_member,
    &PartnerArrays::alignment,
    &PartnerArrays::misalignment,
    &PartnerArrays::capacity,
    &PartnerArrays::effective_capacity,
    &PartnerArrays::commitment,
    &PartnerArrays::expertise,
    &PartnerArrays::initial_expertise,
    &PartnerArrays::contribution,
    &PartnerArrays::prev_contribution,
    &PartnerArrays::perceived_return,
    &PartnerArrays::instant_return,
    &PartnerArrays::invested,
    &PartnerArrays::returned,
    &PartnerArrays::months_active,
    &PartnerArrays::low_return_months,
    &PartnerArrays::key_figure_clock,
    &PartnerArrays::exit_clock,
    &PartnerArrays::returns_exit_clock,
    &PartnerArrays::attends,
    &PartnerArrays::return_sensitivity,
    &PartnerArrays::tires_of_giving_more,
    &PartnerArrays::utilitair,
    &PartnerArrays::offensief,
    &PartnerArrays::held_by_agreements,
    &PartnerArrays::contribution_base,
    &PartnerArrays::contribution_slope,
};
// Four per-partner vectors that are not lanes (style, type, sector, join month), then the lanes.
static_assert(sizeof(PartnerArrays) ==
                  4 * sizeof(std::vector<int>) + partner_lanes.size() * sizeof(Lane),
              "every Lane of PartnerArrays must be listed in partner_lanes");

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
    plain,  ///< row_sum is current
    /// and row_weighted_sum, weighted by the contributions next month's decide_contributions
    /// will read as prev_contribution
    plain_and_weighted,
};

/// A hazard clock's monthly hazard remembered with the probability it came from: the conversion
/// takes a logarithm (and, for a yearly rate, a power), and the probabilities rarely change between
/// months.
struct HazardMemo {
    double probability = -1.0;
    double hazard = 0.0;
};

/// An active partner j as the trust update walks the matrix: its column (model::update_trust fills
/// one per active partner, in increasing j, every month; what the rule needs of j it reads from
/// the PairLanes).
struct TrustedColumn {
    std::uint32_t column;  ///< j
    std::uint32_t offset;  ///< where column j starts in the matrix: j · stride
    bool rivals;           ///< j is a school whose sector may hold rivals
};

/// What the month's contributions amount to over the active partners, added up by
/// model::decide_contributions as it decides them (sums over partners in the model's order,
/// docs/ODD.md §7): neither the contributions nor who is active change before the submodels that
/// read these (produce_results and update_commitment) run.
struct ContributionTotals {
    double given = 0.0;        ///< Σ c_i
    double effort = 0.0;       ///< Σ c_i κ̃_i skill_i, the joint effort of §7.6
    double largest = 0.0;      ///< max c_i
    double kartrekkers = 0.0;  ///< active partners with a kartrekker
};

/// The state of the model as docs/ODD.md §2 describes it: what changes during a run and what the
/// story, the server, recorders and tests read (Simulation::state()). The partners' and the
/// trust's values are in the fast engine's single-precision lanes (§7 "Numerics").
struct ModelState : CollaborationState {
    PartnerArrays partners;
    TrustMatrix trust;  ///< trust(i, j): trust of partner i in partner j
    std::vector<InterventionRuntime> interventions;
};

/// What the fast engine keeps beside the model's state to compute it quickly: scratch rows, the
/// pair loops' per-partner inputs, cached sums and lists with the stamps that say when they are
/// current, remembered hazards. Nobody outside the engine reads or writes it; none of it is model
/// state (docs/ODD.md §2 does not name it), and every value in it is what a new computation from
/// the ModelState would give, to the bit.
struct EngineWorkspace {
    /// Per-partner sums over the trust matrix's rows (see model::sum_trust_rows), in the matrix's
    /// single precision; sized once, to the matrix's padded stride.
    Lane row_sum;
    Lane row_weighted_sum;
    RowSumsHeld row_sums = RowSumsHeld::stale;
    /// The scenario has utilitair partners, who weigh others' contributions by their trust.
    bool utilitair_partners = false;
    /// Scratch, sized once: rows of per-partner draws padded like the partner lanes (a meeting's
    /// attendance; kartrekkers and commitment noise in reset), and the normals of the initial trust
    /// matrix, one per ordered pair.
    std::vector<float> scratch;
    /// Per-partner inputs of the pair loops besides the partners' own lanes; each loop fills what
    /// it reads; sized once, to the trust matrix's padded stride, with 0 (no sector) in the
    /// padding.
    struct PairLanes {
        Lane expected;  ///< what partner i expects from each other partner
        Lane erosion;   ///< erosion rate / expected: see model::update_trust
        Lane conflict;  ///< partner i's part of the conflict factor
        Lane conflict_rival;
        Lane final_slope;  ///< after a meeting (if i attended) and the fade
        Lane final_offset;
        Lane conflict_part;        ///< partner j's part of the conflict factor
        Lane conflict_part_rival;  ///< the same between rivals
        Lane root_share;           ///< √(contribution relative to the largest one)
        /// The school sector; −(i + 1) for a partner that is no school, so that two partners
        /// are rivals exactly when their lanes are equal. Filled by Simulation::reset.
        Lane sector;
        /// i itself: a pair loop tells the diagonal by comparing floats, which every vector
        /// width can (SSE2 cannot compare 32-bit integers and select by the result as cheaply).
        Lane index;
    } lanes;
    /// Every Lane of PairLanes but `index` (which holds 0, 1, 2 …), for the constructor to size.
    static constexpr std::array pair_lanes = {
        &PairLanes::expected,      &PairLanes::erosion,
        &PairLanes::conflict,      &PairLanes::conflict_rival,
        &PairLanes::final_slope,   &PairLanes::final_offset,
        &PairLanes::conflict_part, &PairLanes::conflict_part_rival,
        &PairLanes::root_share,    &PairLanes::sector,
    };
    static_assert(sizeof(PairLanes) == (pair_lanes.size() + 1) * sizeof(Lane),
                  "every Lane of PairLanes must be listed in pair_lanes");
    /// Partners an exit rule could make leave this month (1), marked by model::decide_exits;
    /// sized once.
    Lane exit_candidates;
    /// Scratch for a submodel that lists some partners before it handles them, in increasing
    /// index (model::decide_exits: the candidates; model::update_key_figures: the departures);
    /// sized once, to the number of partners.
    std::vector<std::uint32_t> partner_list;
    /// The active partners for the loops over the trust matrix (model::list_trusted_columns); sized
    /// once, to the number of partners. The first trusted_count are current while active_changes
    /// equals trusted_at.
    std::vector<TrustedColumn> trusted;
    std::size_t trusted_count = 0;
    std::uint32_t trusted_at = never;
    /// trusted_from[r], r = 0 … stride: how many of the trusted columns lie left of column r, so
    /// that the columns whose own entry lies in rows r … r + b − 1 are trusted_from[r] …
    /// trusted_from[r + b] − 1; listed with trusted, sized once.
    std::vector<std::uint32_t> trusted_from;
    ContributionTotals contribution_totals;
    /// How often who is active has changed in this run (model::admit_joining_partners,
    /// model::remove_partner). What was computed from who is active and remembered with this
    /// count (the trusted columns, sums over the active partners) is still what a new pass would
    /// compute, to the bit, while the count is the same: whatever changes partners.active must
    /// count the change.
    std::uint32_t active_changes = 0;
    static constexpr std::uint32_t never = 0xFFFFFFFFU;
    /// contribution_totals.given is Σ c_i over the partners active while active_changes equals
    /// this (the contributions change only in model::decide_contributions).
    std::uint32_t given_total_at = never;
    /// Σ (1 − a_i) over the active partners (model::update_conflict; a_i is fixed for a run),
    /// while active_changes equals divergence_at.
    double divergence_sum = 0.0;
    std::uint32_t divergence_at = never;
    /// The first month in which a partner may still join (admission skips the months before).
    int next_join_month = 0;
    /// The trust gain of this month's success, for model::update_trust to apply before its own
    /// rule (0: none); PairLanes::root_share holds √φ_i.
    float shared_success_gain = 0.0F;
    /// The partners' effective capacity is that of a shock (set when it is recomputed).
    bool capacity_in_shock = false;
    /// Monthly hazards of the clocks, remembered with the probability they came from.
    HazardMemo key_figure_departure;
    HazardMemo coordinator_departure;
    HazardMemo partner_exit;
    HazardMemo returns_exit;
    HazardMemo shock_begins;
    HazardMemo shock_ends;
};

/// Everything that changes during a run of the fast engine: the model's state and the engine's
/// workspace.
struct SimulationState : ModelState, EngineWorkspace {
    /// Partner i becomes active or leaves: the one place that changes who is active, so that
    /// every cache that depends on it is told (active_changes, the row sums) and N follows.
    void set_active(std::size_t i, bool now_active) noexcept {
        partners.active[i] = now_active ? 1.0F : 0.0F;
        ++active_changes;
        row_sums = RowSumsHeld::stale;
        n_active += now_active ? 1 : -1;
    }
};

}  // namespace regiosim

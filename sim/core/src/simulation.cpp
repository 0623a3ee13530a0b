#include "regiosim/core/simulation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "regiosim/core/event_log.hpp"
#include "regiosim/core/submodels.hpp"

namespace regiosim {

namespace {

// The region's climate: one standard normal per run, shared by every partner and pair, so that
// regions differ as a whole (docs/ODD.md §5). A pure function of the stream, so reset and
// initialise_partners read the same value; the same for every arm (common random numbers).
double regional_climate(const RandomStream& rng) {
    return rng.normal(DrawPurpose::regional_climate, 0, 0, 0);
}

}  // namespace

void PartnerArrays::resize(std::size_t n, std::size_t stride) {
    style.resize(n);
    type.resize(n);
    sector.resize(n);
    join_month.resize(n);
    for (const auto lane : partner_lanes) {
        (this->*lane).assign(stride, 0.0);
    }
}

Simulation::Simulation(const Scenario& scenario, const Arm& arm)
    : scenario_(&scenario), arm_(&arm) {
    interventions_ = scenario.interventions;
    interventions_.insert(interventions_.end(), arm.interventions.begin(), arm.interventions.end());
    const auto n = scenario.partners.size();
    state_.trust.resize(n);
    // The pair loops read and write whole blocks of rows, padding included.
    const std::size_t stride = state_.trust.stride();
    state_.partners.resize(n, stride);
    state_.row_sum.resize(stride);
    state_.row_weighted_sum.resize(stride);
    // Two rows of per-partner draws, or the normals of the initial trust.
    state_.scratch.resize(std::max(2 * stride, n * n));
    state_.trusted.resize(n);
    state_.trusted_from.assign(stride + 1, 0);
    state_.exit_candidates.assign(stride, 0.0F);
    state_.partner_list.resize(n);
    auto& lanes = state_.lanes;
    for (const auto lane : SimulationState::pair_lanes) {
        (lanes.*lane).assign(stride, 0.0F);
    }
    lanes.index.resize(stride);
    std::iota(lanes.index.begin(), lanes.index.end(), 0.0F);
    state_.utilitair_partners =
        std::any_of(scenario.partners.begin(), scenario.partners.end(),
                    [](const PartnerSpec& spec) { return spec.style == Style::utilitair; });
    describe_partners();
    state_.interventions.resize(interventions_.size());
    const int years = (scenario.horizon_months + 11) / 12;
    result_.years.reserve(static_cast<std::size_t>(years));
    result_.spent.assign(static_cast<std::size_t>(years) * interventions_.size(), 0.0);
    result_.events.reserve(event_log_capacity(n, scenario.horizon_months));
}

void Simulation::reset(std::uint64_t seed, std::uint64_t run_index) {
    rng_ = RandomStream(seed, run_index);
    const auto& p = scenario_->model;
    auto& s = state_;
    s.month = 0;
    s.n_active = 0;
    s.active_changes = 0;
    s.given_total_at = SimulationState::never;
    s.trusted_at = SimulationState::never;
    s.divergence_at = SimulationState::never;
    s.n_joined = 0;
    s.next_join_month = 0;
    s.intention = p.intention_initial +
                  (scenario_->context.existing_structure ? p.existing_intention_bonus : 0.0);
    s.intention += p.region_intention_spread * regional_climate(rng_);
    s.intention = std::clamp(s.intention, 0.0, 1.0);
    s.conflict = 0.0;
    s.dependence = 0.0;
    s.action = 0.0;
    s.output = 0.0;
    s.output_per_partner = 0.0;
    s.cumulative_output = 0.0;
    s.successes = 0;
    s.success_this_month = false;
    s.shared_success_gain = 0.0F;
    s.phase = scenario_->context.existing_structure ? Phase::structuring : Phase::forming;
    s.money_settled = scenario_->context.money_settled;
    s.economy_shock = false;
    s.capacity_in_shock = false;
    s.funding = 0.0;
    s.funding_prev = 0.0;
    s.funding_at_stable_start = 0.0;
    s.last_funding_drop = -100000;
    s.last_leader_loss = -100000;
    s.coordinator_present = false;
    s.coordinator_vacant_until = -1;
    s.coordinator_clock = rng_.exponential(DrawPurpose::coordinator_departure, 0, 0, 1);
    s.business_cycle_clock = rng_.exponential(DrawPurpose::business_cycle, 0, 0, 1);
    s.success_clock = rng_.exponential(DrawPurpose::small_success, 0, 0);
    s.team_leader = -1;
    s.team_vacant_until = -1;
    s.covenant_next_renewal = -1;
    s.covenant_renewal_this_month = false;
    s.drift_months = 0;
    s.deadlock_months = 0;
    s.flywheel_months = 0;
    s.effects = ActiveEffects{};
    for (auto& row : s.history) {
        row.fill(0.0);
    }

    result_.months_survived = 0;
    result_.ended = false;
    result_.cause = EndCause::censored;
    result_.month_self_sustaining = -1;
    result_.months_to_first_success = -1;
    result_.total_cost = 0.0;
    result_.cumulative_results = 0.0;
    result_.years.clear();
    std::fill(result_.spent.begin(), result_.spent.end(), 0.0);
    result_.events.clear();
    result_.dropped_events = 0;

    initialise_partners();
    initialise_interventions();
    // Nobody is active before month 0's admission.
    s.mean_trust = 0.0;
    s.mean_commitment = 0.0;
    finished_ = false;
}

void Simulation::describe_partners() {
    const auto& p = scenario_->model;
    const auto& ctx = scenario_->context;
    auto& a = state_.partners;
    const double expertise_bonus = ctx.existing_structure ? p.existing_expertise_bonus : 0.0;
    for (std::size_t i = 0; i < scenario_->partners.size(); ++i) {
        const auto& spec = scenario_->partners[i];
        a.style[i] = spec.style;
        a.type[i] = spec.type;
        a.sector[i] = ctx.per_pupil_competition ? school_sector(spec.type) : 0;
        a.join_month[i] = spec.join_month;
        a.capacity[i] =
            static_cast<float>(spec.capacity / (1.0 + p.capacity_overload_per_collaboration *
                                                          (spec.parallel_collaborations - 1)));
        a.initial_expertise[i] =
            static_cast<float>(std::min(1.0, spec.expertise + expertise_bonus));
        a.return_sensitivity[i] = static_cast<float>(model::return_sensitivity(spec.style, p));
        a.tires_of_giving_more[i] = spec.style != Style::overstijgend ? 1.0F : 0.0F;
        a.utilitair[i] = spec.style == Style::utilitair ? 1.0F : 0.0F;
        a.offensief[i] = spec.style == Style::offensief ? 1.0F : 0.0F;
        a.held_by_agreements[i] =
            spec.style == Style::defensief || spec.style == Style::utilitair ? 1.0F : 0.0F;
        // The slope of the style's rule is fixed; an offensief partner's base follows its
        // alignment, which the region's climate sets anew every run (initialise_partners).
        a.contribution_slope[i] =
            static_cast<float>(model::contribution_rule(spec.style, 0.0, p).slope);
        // A partner that is no school is nobody's rival: a sector of its own.
        state_.lanes.sector[i] =
            a.sector[i] != 0 ? static_cast<float>(a.sector[i]) : -static_cast<float>(i + 1);
    }
}

void Simulation::initialise_partners() {
    const auto& p = scenario_->model;
    const auto& ctx = scenario_->context;
    auto& a = state_.partners;
    const double climate = regional_climate(rng_);
    const std::size_t n_partners = scenario_->partners.size();
    // What changes during a run starts at zero (nobody has joined yet), the constants of the
    // scenario were set once by describe_partners.
    for (auto* lane : {&a.joined, &a.active, &a.team_member, &a.contribution, &a.prev_contribution,
                       &a.instant_return, &a.invested, &a.returned, &a.months_active,
                       &a.low_return_months, &a.attends}) {
        std::fill(lane->begin(), lane->end(), 0.0F);
    }
    a.effective_capacity = a.capacity;
    a.expertise = a.initial_expertise;
    std::fill(a.perceived_return.begin(),
              a.perceived_return.begin() + static_cast<std::ptrdiff_t>(n_partners),
              static_cast<float>(p.commitment_return_reference));
    // The per-partner draws, each purpose for all partners at once (vectorised): kartrekkers and
    // the partners' own noise in commitment into the scratch rows, and the first thresholds of
    // the hazard clocks straight into their lanes (a key figure's next ones are drawn when it
    // leaves).
    float* kartrekker_draw = state_.scratch.data();
    float* commitment_noise = kartrekker_draw + a.stride();
    rng_.single_uniforms(DrawPurpose::key_figure_newcomer, 0, 1, n_partners, kartrekker_draw);
    rng_.single_normals(DrawPurpose::partner_heterogeneity, 0, 0, n_partners, commitment_noise);
    rng_.single_exponentials(DrawPurpose::key_figure_departure, 0, 1, n_partners,
                             a.key_figure_clock.data());
    rng_.single_exponentials(DrawPurpose::partner_exit, 0, 0, n_partners, a.exit_clock.data());
    rng_.single_exponentials(DrawPurpose::partner_exit, 0, 1, n_partners,
                             a.returns_exit_clock.data());
    for (std::size_t i = 0; i < n_partners; ++i) {
        const auto& spec = scenario_->partners[i];
        a.kartrekker[i] =
            spec.kartrekker || kartrekker_draw[i] < p.key_figure_kartrekker_share ? 1.0F : 0.0F;
        const double alignment =
            std::clamp(spec.alignment + p.region_alignment_spread * climate, 0.0, 1.0);
        a.alignment[i] = static_cast<float>(alignment);
        a.misalignment[i] = 1.0F - a.alignment[i];
        const double noise = p.initial_commitment_spread * commitment_noise[i];
        a.commitment[i] = static_cast<float>(
            std::clamp(spec.commitment + p.region_commitment_spread * climate + noise, 0.0, 1.0));
        a.contribution_base[i] =
            static_cast<float>(model::contribution_rule(spec.style, a.alignment[i], p).base);
    }
    const double base = p.trust_initial + p.region_trust_spread * climate +
                        (ctx.existing_structure ? p.existing_trust_bonus : 0.0);
    // One normal per ordered pair, the largest share of a run's draws: all of them as one row of
    // single-precision normals (vectorised without remainders), normal j·n + i for T_ij, column by
    // column as the matrix is stored.
    float* normals = state_.scratch.data();
    rng_.single_normals(DrawPurpose::initial_state, 0, 0, n_partners * n_partners, normals);
    const auto trust_base = static_cast<float>(base);
    const auto trust_spread = static_cast<float>(p.trust_initial_spread);
    for (std::size_t j = 0; j < n_partners; ++j) {
        float* column = state_.trust.column(j);
        const float* noise = normals + j * n_partners;
        for (std::size_t i = 0; i < n_partners; ++i) {
            const float value = trust_base + trust_spread * noise[i];
            column[i] = value < 0.0F ? 0.0F : (1.0F < value ? 1.0F : value);
        }
        column[j] = 1.0F;
    }
    state_.row_sums = RowSumsHeld::stale;
}

void Simulation::initialise_interventions() {
    for (std::size_t k = 0; k < interventions_.size(); ++k) {
        auto& rt = state_.interventions[k];
        rt = InterventionRuntime{};
        rt.spec = &interventions_[k];
        rt.funded_by = -1;
        const auto& stream = rt.spec->funded_by;
        for (std::size_t f = 0; f < scenario_->funding.size() && !stream.empty(); ++f) {
            if (scenario_->funding[f].name == stream) {
                rt.funded_by = static_cast<int>(f);
            }
        }
        rt.leader = rt.spec->leader.empty() ? -1 : scenario_->partner_index(rt.spec->leader);
        rt.next_allowed = rt.spec->start_month;
    }
}

bool Simulation::step() {
    if (finished_) {
        return false;
    }
    auto& s = state_;
    EventLog log(result_.events, result_.dropped_events);
    const model::StepContext c{*scenario_, scenario_->model, rng_, log, result_};

    const int joined_before = s.n_joined;
    model::admit_joining_partners(s, c);
    if (s.n_joined != joined_before) {
        // Otherwise the means are still those update_collaboration computed last month.
        model::refresh_means(s);
    }
    model::update_funding(s, c);
    model::update_interventions(s, c);
    model::update_key_figures(s, c);
    model::decide_contributions(s, c);
    model::produce_results(s, c);
    model::update_trust(s, c);
    model::update_conflict(s, c);
    model::update_commitment(s, c);
    model::decide_exits(s, c);
    model::update_collaboration(s, c);
    const EndCause cause = model::check_ending(s, c);

    const bool year_end = (s.month + 1) % 12 == 0;
    const bool horizon = s.month + 1 >= scenario_->horizon_months;
    if (cause != EndCause::censored) {
        log.add(s.month, EventKind::ended, -1, static_cast<int>(cause));
        record_year();
        finish(cause);
        return false;
    }
    if (year_end || horizon) {
        record_year();
    }
    if (horizon) {
        finish(EndCause::censored);
        return false;
    }
    ++s.month;
    return true;
}

void Simulation::record_year() {
    // The years were reserved for the horizon: a record never allocates inside step().
    if (result_.years.size() < result_.years.capacity()) {
        result_.years.push_back(year_record(state_));
    }
}

void Simulation::finish(EndCause cause) {
    finished_ = true;
    finish_result(result_, state_, cause);
}

const RunResult& Simulation::run(std::uint64_t seed, std::uint64_t run_index) {
    reset(seed, run_index);
    while (step()) {
    }
    return result_;
}

}  // namespace regiosim

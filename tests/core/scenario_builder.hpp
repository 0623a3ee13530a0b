#pragma once

// Builds small Scenarios in C++ for the core tests (there is no scenario loader to use here),
// and a Harness that exposes a reset Simulation's state together with a StepContext so a test can
// call one submodel on a hand-set state.

#include <bit>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "regiosim/core/event_log.hpp"
#include "regiosim/core/partner_defaults.hpp"
#include "regiosim/core/random.hpp"
#include "regiosim/core/run_result.hpp"
#include "regiosim/core/scenario.hpp"
#include "regiosim/core/simulation.hpp"
#include "regiosim/core/submodels.hpp"

namespace regiosim::test {

/// Trust and the partners' state are single precision (docs/ODD.md §7, "Numerics"): a rule's
/// result matches its formula, evaluated in double precision, to a few units in float's last
/// place.
inline constexpr double single_precision = 1e-6;

/// One partner with every value taken from the `initial.*` defaults for its style and type.
inline PartnerSpec make_partner(std::string name, PartnerType type, Style style,
                                const ModelParameters& p) {
    PartnerSpec spec;
    spec.name = std::move(name);
    spec.type = type;
    spec.style = style;
    spec.alignment = default_alignment(style, p);
    spec.commitment = default_commitment(style, p);
    spec.capacity = default_capacity(type, p);
    spec.expertise = p.initial_expertise;
    return spec;
}

inline void add_partner(Scenario& s, std::string name, PartnerType type, Style style) {
    s.partners.push_back(make_partner(std::move(name), type, style, s.model));
}

/// A region of `n_schools` vo schools, one municipality and `n_companies` companies; styles
/// are dealt round-robin from `styles` over all partners in that order.
inline Scenario make_region(int n_schools, int n_companies,
                            const std::vector<Style>& styles = {Style::utilitair},
                            const ModelParameters& model = ModelParameters{}) {
    Scenario s;
    s.name = "test-region";
    s.model = model;
    s.horizon_months = 180;
    std::size_t next = 0;
    auto style = [&] { return styles[next++ % styles.size()]; };
    for (int i = 0; i < n_schools; ++i) {
        add_partner(s, "school" + std::to_string(i), PartnerType::vo_school, style());
    }
    add_partner(s, "municipality", PartnerType::municipality, style());
    for (int i = 0; i < n_companies; ++i) {
        add_partner(s, "company" + std::to_string(i), PartnerType::company, style());
    }
    s.arms.push_back(Arm{"baseline", "no interventions", {}});
    return s;
}

/// An intervention spec with a generated name.
inline InterventionSpec intervention(InterventionKind kind, int start_month = 0,
                                     int duration_months = -1) {
    InterventionSpec spec;
    spec.name = std::string(to_string(kind)) + "@" + std::to_string(start_month);
    spec.kind = kind;
    spec.start_month = start_month;
    spec.duration_months = duration_months;
    return spec;
}

/// Adds an intervention present in every arm.
inline Scenario& with_intervention(Scenario& s, InterventionSpec spec) {
    s.interventions.push_back(std::move(spec));
    return s;
}

/// Adds an arm (arms[0] stays the baseline).
inline Scenario& with_arm(Scenario& s, std::string name, std::vector<InterventionSpec> specs) {
    s.arms.push_back(Arm{std::move(name), "", std::move(specs)});
    return s;
}

inline Scenario& with_funding(Scenario& s, std::string name, double monthly, int start,
                              int end = -1, double cofinancing = 0.0) {
    s.funding.push_back(FundingStream{std::move(name), monthly, start, end, cofinancing});
    return s;
}

/// Switches off every way a partner can leave and every ending but the horizon, so a
/// mechanism can be watched for a whole run.
inline void disable_endings(ModelParameters& p) {
    p.exit_hazard = 0.0;
    p.exit_utilitair_return = 0.0;
    p.style_offensief_required_ratio = 0.0;
    p.covenant_renewal_exit = 0.0;
    p.settlement_departure_probability = 0.0;
    p.ending_commitment_floor = 0.0;
    p.ending_drift_output = 0.0;
    p.conflict_deadlock_level = 1.0;
    p.conflict_deadlock_months = 180;
}

/// Switches off the random disturbances that do not matter to a mechanism under test.
inline void quiet_world(ModelParameters& p) {
    p.key_figure_turnover = 0.0;
    p.coordinator_turnover = 0.0;
    p.economy_shock_rate = 0.0;
}

/// A reset Simulation whose state a test may change, plus a StepContext over the same
/// scenario and random stream, with its own result and event log, for calling submodels.
class Harness {
  public:
    explicit Harness(Scenario scenario, std::size_t arm_index = 0, std::uint64_t seed = 1,
                     std::uint64_t run = 0)
        : scenario_(std::move(scenario)),
          arm_(arm_index < scenario_.arms.size() ? scenario_.arms[arm_index] : Arm{}),
          sim_(std::make_unique<Simulation>(scenario_, arm_)),
          rng_(seed, run),
          log_(result_.events, result_.dropped_events) {
        sim_->reset(seed, run);
        const auto years = static_cast<std::size_t>((scenario_.horizon_months + 11) / 12);
        result_.spent.assign(years * sim_->interventions().size(), 0.0);
        result_.events.reserve(4096);
    }
    Harness(const Harness&) = delete;
    Harness& operator=(const Harness&) = delete;

    [[nodiscard]] SimulationState& state() noexcept { return sim_->engine_state(); }
    [[nodiscard]] const Scenario& scenario() const noexcept { return scenario_; }
    [[nodiscard]] Simulation& simulation() noexcept { return *sim_; }
    [[nodiscard]] RunResult& result() noexcept { return result_; }
    [[nodiscard]] const std::vector<Event>& events() const noexcept { return result_.events; }

    /// The scenario's parameters; a test may change them between submodel calls.
    [[nodiscard]] ModelParameters& model() noexcept { return scenario_.model; }

    [[nodiscard]] model::StepContext context() noexcept { return context(rng_); }

    /// A context drawing from another stream (statistical tests over many runs).
    [[nodiscard]] model::StepContext context(const RandomStream& rng) noexcept {
        return model::StepContext{scenario_, scenario_.model, rng, log_, result_};
    }

    /// Runs month 0's admission so every partner joining at 0 is active.
    void admit() {
        auto c = context();
        model::admit_joining_partners(state(), c);
        model::refresh_means(state());
    }

    /// Sets every off-diagonal trust value (rounded to the matrix's single precision).
    void set_trust(double value) {
        auto& t = state().trust;
        for (Eigen::Index i = 0; i < t.rows(); ++i) {
            for (Eigen::Index j = 0; j < t.cols(); ++j) {
                t(i, j) = i == j ? 1.0F : static_cast<float>(value);
            }
        }
    }

  private:
    Scenario scenario_;
    Arm arm_;
    std::unique_ptr<Simulation> sim_;
    RandomStream rng_;
    RunResult result_;
    EventLog log_;
};

[[nodiscard]] inline int count_events(const std::vector<Event>& events, EventKind kind) {
    int n = 0;
    for (const auto& e : events) {
        n += e.kind == kind ? 1 : 0;
    }
    return n;
}

[[nodiscard]] inline std::vector<Event> events_of(const std::vector<Event>& events,
                                                  EventKind kind) {
    std::vector<Event> out;
    for (const auto& e : events) {
        if (e.kind == kind) {
            out.push_back(e);
        }
    }
    return out;
}

/// Month of the first event of this kind, or -1.
[[nodiscard]] inline int first_month(const std::vector<Event>& events, EventKind kind) {
    for (const auto& e : events) {
        if (e.kind == kind) {
            return e.month;
        }
    }
    return -1;
}

/// Runs one arm and returns a copy of its result.
[[nodiscard]] inline RunResult run_once(const Scenario& s, std::size_t arm_index,
                                        std::uint64_t seed, std::uint64_t run = 0) {
    Simulation sim(s, s.arms.at(arm_index));
    return sim.run(seed, run);
}

/// A double's bits, to compare two results exactly.
[[nodiscard]] inline std::uint64_t bits(double x) {
    return std::bit_cast<std::uint64_t>(x);
}

/// A scenario in which most submodels have something to do.
inline Scenario rich_scenario() {
    auto s = make_region(5, 5,
                         {Style::utilitair, Style::defensief, Style::offensief, Style::overstijgend,
                          Style::utilitair});
    add_partner(s, "roc", PartnerType::mbo, Style::offensief);
    add_partner(s, "broker", PartnerType::broker, Style::overstijgend);
    with_funding(s, "pilot", 25.0, 0, 48, 0.1);
    with_funding(s, "municipal", 5.0, 12);
    auto covenant = intervention(InterventionKind::covenant, 0);
    covenant.yearly_cost = 2.0;
    with_intervention(s, covenant);
    auto coordinator = intervention(InterventionKind::coordinator, 6);
    coordinator.funded_by = "pilot";
    coordinator.intensity = 0.6;
    coordinator.yearly_cost = 30.0;
    auto revival = intervention(InterventionKind::meetings, 0, 1);
    revival.name = "revival";
    revival.trigger = Trigger{TriggerMetric::mean_commitment, true, 0.45, 6, 0};
    auto team = intervention(InterventionKind::execution_team, 3);
    team.one_off_cost = 5.0;
    with_arm(s, "combined",
             {coordinator, revival, team, intervention(InterventionKind::monitoring, 0),
              intervention(InterventionKind::settlement, 24)});
    return s;
}

/// Two-proportion z statistic for x1/n1 against x2/n2 (pooled standard error).
[[nodiscard]] inline double two_proportion_z(double x1, double n1, double x2, double n2) {
    const double p1 = x1 / n1;
    const double p2 = x2 / n2;
    const double pooled = (x1 + x2) / (n1 + n2);
    return (p1 - p2) / std::sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2));
}

}  // namespace regiosim::test

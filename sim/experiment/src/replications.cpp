#include "regiosim/experiment/replications.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <atomic>
#include <memory>
#include <optional>

#include "regiosim/errors/errors.hpp"
#include "regiosim/experiment/make_engine.hpp"

namespace regiosim {

namespace {

std::vector<const Arm*> select_arms(const Scenario& scenario,
                                    const std::vector<std::string>& names) {
    std::vector<const Arm*> arms;
    if (names.empty()) {
        for (const auto& arm : scenario.arms) {
            arms.push_back(&arm);
        }
        return arms;
    }
    for (const auto& name : names) {
        const Arm* arm = scenario.find_arm(name);
        if (arm == nullptr) {
            std::string valid;
            for (const auto& a : scenario.arms) {
                valid += (valid.empty() ? "" : ", ") + a.name;
            }
            throw UsageError("unknown arm '" + name + "' in scenario '" + scenario.name +
                             "'; valid arms: " + valid);
        }
        arms.push_back(arm);
    }
    return arms;
}

void store(ArmOutcomes& out, std::size_t r, const RunResult& result) {
    out.months_survived[r] = result.months_survived;
    out.ended[r] = result.ended ? 1 : 0;
    out.cause[r] = result.cause;
    out.month_self_sustaining[r] = result.month_self_sustaining;
    out.months_to_first_success[r] = result.months_to_first_success;
    out.total_cost[r] = result.total_cost;
    out.cumulative_results[r] = result.cumulative_results;
}

// Yearly means are summed in replicate order after the parallel part, so the floating-point
// result does not depend on which thread ran which replicate.
void accumulate_years(ArmOutcomes& out, const std::vector<std::vector<YearRecord>>& years) {
    for (const auto& run : years) {
        for (const auto& y : run) {
            const auto k = static_cast<std::size_t>(y.year - 1);
            if (k >= out.alive_at_year_end.size()) {
                continue;
            }
            out.mean_active_partners[k] += y.active_partners;
            out.mean_trust[k] += y.mean_trust;
            out.mean_commitment[k] += y.mean_commitment;
            ++out.alive_at_year_end[k];
        }
    }
    for (std::size_t k = 0; k < out.alive_at_year_end.size(); ++k) {
        const int n = out.alive_at_year_end[k];
        if (n > 0) {
            out.mean_active_partners[k] /= n;
            out.mean_trust[k] /= n;
            out.mean_commitment[k] /= n;
        }
    }
}

}  // namespace

std::vector<ArmOutcomes> run_replications(const Scenario& scenario, const ReplicationPlan& plan,
                                          const ProgressCallback& progress) {
    const auto arms = select_arms(scenario, plan.arms);
    const int replications = plan.replications > 0 ? plan.replications : scenario.replications;
    const std::uint64_t seed = plan.seed_given ? plan.seed : scenario.seed;
    const auto years = static_cast<std::size_t>((scenario.horizon_months + 11) / 12);
    const auto reps = static_cast<std::size_t>(replications);

    std::optional<tbb::global_control> limit;
    if (plan.threads > 0) {
        limit.emplace(tbb::global_control::max_allowed_parallelism,
                      static_cast<std::size_t>(plan.threads));
    }

    std::vector<ArmOutcomes> outcomes(arms.size());
    std::atomic<std::size_t> done{0};
    const std::size_t total = arms.size() * reps;
    for (std::size_t a = 0; a < arms.size(); ++a) {
        auto& out = outcomes[a];
        out.arm = arms[a]->name;
        out.resize(reps, years);
        std::vector<std::vector<YearRecord>> yearly(reps);
        tbb::enumerable_thread_specific<std::unique_ptr<Engine>> workspaces;
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, reps, 16),
                          [&](const tbb::blocked_range<std::size_t>& range) {
                              auto& sim = workspaces.local();
                              if (!sim) {
                                  sim = make_engine(plan.engine, scenario, *arms[a]);
                              }
                              for (std::size_t r = range.begin(); r != range.end(); ++r) {
                                  const auto& result = sim->run(seed, r);
                                  store(out, r, result);
                                  yearly[r] = result.years;
                              }
                              const auto now = done.fetch_add(range.size()) + range.size();
                              if (progress) {
                                  progress(now, total);
                              }
                          });
        accumulate_years(out, yearly);
    }
    return outcomes;
}

}  // namespace regiosim

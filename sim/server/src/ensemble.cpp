#include "regiosim/server/ensemble.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "regiosim/analysis/survival_data.hpp"
#include "regiosim/analyze/arm_samples.hpp"
#include "regiosim/experiment/replications.hpp"
#include "regiosim/server/echo.hpp"
#include "regiosim/server/request_error.hpp"

namespace regiosim::server {

std::vector<std::string> ensemble_arms(const Scenario& scenario,
                                       const std::vector<std::string>& asked) {
    std::vector<std::string> arms{scenario.arms.front().name};
    if (asked.empty()) {
        for (std::size_t a = 1; a < scenario.arms.size(); ++a) {
            arms.push_back(scenario.arms[a].name);
        }
        return arms;
    }
    std::vector<std::string> unknown;
    for (const auto& name : asked) {
        if (scenario.find_arm(name) == nullptr) {
            unknown.push_back(
                fmt::format("arms: no arm named `{}` in {}", echo(name), echo(scenario.name)));
        } else if (std::find(arms.begin(), arms.end(), name) == arms.end()) {
            arms.push_back(name);
        }
    }
    if (!unknown.empty()) {
        throw RequestError(422, "the setting names arms the scenario does not have", unknown);
    }
    return arms;
}

EnsembleResult run_ensemble(const Scenario& scenario, const EnsemblePlan& plan) {
    EnsembleResult out;
    out.arms = ensemble_arms(scenario, plan.arms);
    out.replications = plan.replications;
    out.seed = plan.seed;
    out.horizon_months = scenario.horizon_months;

    ReplicationPlan replication;
    replication.arms = out.arms;
    replication.replications = plan.replications;
    replication.seed = plan.seed;
    replication.seed_given = true;
    replication.threads = plan.threads;
    const auto outcomes = run_replications(scenario, replication);

    std::vector<analysis::ArmSample> samples;
    for (const auto& arm : outcomes) {
        samples.push_back(arm_sample_of(arm));
        analysis::SurvivalData data;
        data.time = samples.back().months;
        data.event = samples.back().ended;
        out.curves.push_back(analysis::kaplan_meier(data));
    }
    out.table = analysis::compare_arms(samples, scenario.horizon_months);
    return out;
}

}  // namespace regiosim::server

#include "regiosim/results/run_json.hpp"

#include "regiosim/results/story.hpp"

namespace regiosim {

nlohmann::json run_to_json(const RunResult& result, const Scenario& scenario, const Arm& arm,
                           const std::vector<InterventionSpec>& interventions, std::uint64_t seed,
                           std::uint64_t run_index) {
    nlohmann::json j;
    j["scenario"] = scenario.name;
    j["arm"] = arm.name;
    j["seed"] = seed;
    j["run_index"] = run_index;
    j["months_survived"] = result.months_survived;
    j["ended"] = result.ended;
    j["cause"] = std::string(to_string(result.cause));
    j["month_self_sustaining"] = result.month_self_sustaining;
    j["months_to_first_success"] = result.months_to_first_success;
    j["total_cost_keur"] = result.total_cost;
    j["cumulative_results"] = result.cumulative_results;
    auto& years = j["years"] = nlohmann::json::array();
    const std::size_t k = interventions.size();
    for (const auto& y : result.years) {
        nlohmann::json row{{"year", y.year},
                           {"active_partners", y.active_partners},
                           {"mean_trust", y.mean_trust},
                           {"mean_commitment", y.mean_commitment},
                           {"cumulative_results", y.cumulative_results},
                           {"intention", y.intention},
                           {"conflict", y.conflict},
                           {"dependence", y.dependence},
                           {"funding_keur_per_month", y.funding},
                           {"phase", std::string(to_string(y.phase))}};
        auto& spent = row["spent_keur"] = nlohmann::json::object();
        for (std::size_t i = 0; i < k; ++i) {
            const auto idx = static_cast<std::size_t>(y.year - 1) * k + i;
            spent[interventions[i].name] = idx < result.spent.size() ? result.spent[idx] : 0.0;
        }
        years.push_back(std::move(row));
    }
    j["story"] = tell_story(result, scenario, interventions);
    return j;
}

}  // namespace regiosim

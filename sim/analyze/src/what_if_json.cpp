#include "regiosim/analyze/what_if_json.hpp"

#include <fmt/format.h>

#include <cmath>

#include "regiosim/core/run_result.hpp"

namespace regiosim {

std::string end_cause_label(int code) {
    return code >= 0 && code < static_cast<int>(end_cause_names.size())
               ? std::string(end_cause_names[static_cast<std::size_t>(code)])
               : fmt::format("cause {}", code);
}

nlohmann::json interval_json(const analysis::EstimateCi& i) {
    if (!i.defined) {
        return nullptr;
    }
    auto finite = [](double v) -> nlohmann::json {
        return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
    };
    return {
        {"estimate", finite(i.estimate)}, {"lower", finite(i.lower)}, {"upper", finite(i.upper)}};
}

nlohmann::json what_if_json(const std::vector<analysis::ArmComparison>& rows) {
    auto arms = nlohmann::json::array();
    for (const auto& r : rows) {
        nlohmann::json causes = nlohmann::json::object();
        for (const auto& [code, share] : r.causes) {
            causes[end_cause_label(code)] = share;
        }
        auto caution = nlohmann::json::array();
        for (const auto c : r.cautions) {
            caution.push_back(analysis::caution_name(c));
        }
        arms.push_back(
            {{"arm", r.arm},
             {"runs", r.runs},
             {"events", r.events},
             {"median_years", interval_json(r.median_years)},
             {"survival_5y", interval_json(r.survival_5y)},
             {"survival_10y", interval_json(r.survival_10y)},
             {"survival_15y", interval_json(r.survival_15y)},
             {"rmst_years", interval_json(r.rmst_years)},
             {"rmst_gain_years", interval_json(r.rmst_gain_years)},
             {"hazard_ratio", r.hazard_ratio ? interval_json(*r.hazard_ratio) : nullptr},
             {"hazard_p_value", r.hazard_ratio ? nlohmann::json(r.hazard_p_value) : nullptr},
             {"share_self_sustaining", r.share_self_sustaining},
             {"causes", causes},
             {"mean_total_cost_keur", r.mean_total_cost},
             {"yearly_cost_keur", r.yearly_cost},
             {"cost_per_year_gained_keur",
              r.cost_per_year_gained ? nlohmann::json(*r.cost_per_year_gained) : nullptr},
             {"caution", caution}});
    }
    return arms;
}

}  // namespace regiosim

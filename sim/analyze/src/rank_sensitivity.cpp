#include "rank_sensitivity.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "regiosim/analysis/errors.hpp"
#include "regiosim/analysis/partial_rank_correlation.hpp"

namespace regiosim {

namespace {

using nlohmann::json;

constexpr double conf_level = 0.95;

json finite_or_null(double v) {
    return std::isfinite(v) ? json(v) : json(nullptr);
}

// The coefficients of one outcome, or all-NaN ones with the reason in `notes`.
analysis::PartialRankCorrelation coefficients(const Eigen::MatrixXd& values,
                                              const Eigen::VectorXd& outcome,
                                              const std::string& what, json& notes) {
    try {
        return analysis::partial_rank_correlation(values, outcome, {.conf_level = conf_level});
    } catch (const analysis::AnalysisError& e) {
        notes.push_back(fmt::format("{}: no partial rank correlations; {}", what, e.what()));
        const auto nan = Eigen::VectorXd::Constant(values.cols(), std::nan(""));
        analysis::PartialRankCorrelation none;
        none.samples = static_cast<int>(values.rows());
        none.prcc = nan;
        none.lower = nan;
        none.upper = nan;
        none.p_value = nan;
        return none;
    }
}

// Mean outcomes over the points at each distinct value of each factor. In a full factorial
// every level meets every combination of the other factors equally often, so differences
// between these means are the factor's main effect, not a confounding of factors.
json main_effects_json(const std::vector<std::string>& names, const Eigen::MatrixXd& values,
                       const std::vector<PointOutcomes>& arms) {
    json rows = json::array();
    for (const auto& arm : arms) {
        for (Eigen::Index j = 0; j < values.cols(); ++j) {
            struct Level {
                int points = 0;
                double months = 0.0;
                double alive = 0.0;
            };
            std::map<double, Level> levels;
            for (Eigen::Index p = 0; p < values.rows(); ++p) {
                auto& level = levels[values(p, j)];
                ++level.points;
                level.months += arm.mean_months(p);
                level.alive += arm.share_alive(p);
            }
            for (const auto& [value, level] : levels) {
                rows.push_back({{"arm", arm.arm},
                                {"factor", names[static_cast<std::size_t>(j)]},
                                {"value", value},
                                {"points", level.points},
                                {"mean_months", level.months / level.points},
                                {"share_alive", level.alive / level.points}});
            }
        }
    }
    return rows;
}

}  // namespace

json rank_sensitivity_json(const std::vector<std::string>& names, const Eigen::MatrixXd& values,
                           const std::vector<PointOutcomes>& arms, bool main_effects) {
    json rows = json::array();
    json notes = json::array();
    for (const auto& arm : arms) {
        const auto months =
            coefficients(values, arm.mean_months, arm.arm + ", mean months survived", notes);
        const auto alive =
            coefficients(values, arm.share_alive, arm.arm + ", share alive at the horizon", notes);
        for (Eigen::Index j = 0; j < values.cols(); ++j) {
            rows.push_back({{"arm", arm.arm},
                            {"factor", names[static_cast<std::size_t>(j)]},
                            {"prcc", finite_or_null(months.prcc(j))},
                            {"prcc_lower", finite_or_null(months.lower(j))},
                            {"prcc_upper", finite_or_null(months.upper(j))},
                            {"prcc_p_value", finite_or_null(months.p_value(j))},
                            {"alive_prcc", finite_or_null(alive.prcc(j))},
                            {"alive_lower", finite_or_null(alive.lower(j))},
                            {"alive_upper", finite_or_null(alive.upper(j))},
                            {"alive_p_value", finite_or_null(alive.p_value(j))}});
        }
    }
    json out = {{"method", "prcc"},
                {"output", "mean months survived per design point (restricted to the horizon)"},
                {"alive_output", "share of the design point's runs still alive at the horizon"},
                {"points", values.rows()},
                {"conf_level", conf_level},
                {"rows", rows},
                {"notes", notes}};
    if (main_effects) {
        out["main_effects"] = main_effects_json(names, values, arms);
    }
    return out;
}

}  // namespace regiosim

#pragma once

#include <Eigen/Dense>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace regiosim {

/// One arm's outcomes, one entry per design point.
struct PointOutcomes {
    std::string arm;
    Eigen::VectorXd mean_months;  ///< mean months survived (restricted to the horizon)
    Eigen::VectorXd share_alive;  ///< share of the point's runs still alive at the horizon
};

/// The "sensitivity" object of the analysis for designs that sample the factors without a
/// structure of their own (latin_hypercube, full_factorial): partial rank correlations of each
/// factor with both outcomes, per arm, and with `main_effects` the mean outcomes at each level
/// of each factor. `values` holds the factor values used, one row per design point, one column
/// per name. Layout in regiosim/analyze/results_analysis.hpp. An outcome whose coefficients
/// cannot be computed (too few points, the same at every point) gets nulls and a line in
/// "notes" saying why, so the rest of the analysis still comes out.
[[nodiscard]] nlohmann::json rank_sensitivity_json(const std::vector<std::string>& names,
                                                   const Eigen::MatrixXd& values,
                                                   const std::vector<PointOutcomes>& arms,
                                                   bool main_effects);

}  // namespace regiosim

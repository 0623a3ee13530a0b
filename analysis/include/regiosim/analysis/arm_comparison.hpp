#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace regiosim::analysis {

/// Per-run outcomes of one arm, as read from a comparison or a results file. Times in months.
struct ArmSample {
    std::string name;
    std::vector<double> months;
    std::vector<int> ended;                  ///< 1 = ended, 0 = censored at the horizon
    std::vector<int> cause;                  ///< 0 = censored, else the end-cause code
    std::vector<int> month_self_sustaining;  ///< -1 if never
    std::vector<double> total_cost;          ///< k€ over the run
};

/// A value with its 95 % confidence interval.
struct EstimateCi {
    double estimate = 0.0;
    double lower = 0.0;
    double upper = 0.0;
    bool defined = true;  ///< false when the estimate does not exist (e.g. median not reached)
};

/// One row of the what-if table.
struct ArmComparison {
    std::string arm;
    int runs = 0;
    EstimateCi median_years;
    EstimateCi survival_5y;
    EstimateCi survival_10y;
    EstimateCi survival_15y;
    EstimateCi rmst_years;       ///< restricted mean up to the horizon
    EstimateCi rmst_gain_years;  ///< versus baseline
    /// Cox, arm versus baseline; empty for the baseline and when not estimable (no event in
    /// the arm or in the baseline).
    std::optional<EstimateCi> hazard_ratio;
    double hazard_p_value = 1.0;
    double share_self_sustaining = 0.0;
    std::vector<std::pair<int, double>> causes;  ///< (cause code, share of all runs), largest first
    double mean_total_cost = 0.0;                ///< k€
    double yearly_cost = 0.0;                    ///< k€ per year the collaboration ran
    /// k€ per survival-year gained vs baseline; empty unless the RMST gain's 95 % CI lies
    /// above zero.
    std::optional<double> cost_per_year_gained;
};

/// The what-if table: every arm against the first (the baseline). `horizon_months` bounds
/// RMST; survival at 5/10/15 years is reported only where the horizon reaches.
[[nodiscard]] std::vector<ArmComparison> compare_arms(const std::vector<ArmSample>& arms,
                                                      double horizon_months);

}  // namespace regiosim::analysis

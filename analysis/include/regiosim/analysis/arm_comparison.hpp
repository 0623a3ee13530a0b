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

/// Why an estimate of a what-if row, though computed, may be far off. Each threshold is set
/// where the estimate becomes uncertain by an order of magnitude or rests on too little data;
/// see the constants below.
enum class Caution {
    few_events,  ///< the hazard ratio rests on fewer than caution_min_events in an arm
    wide_ci,     ///< the hazard ratio's interval spans more than a factor caution_max_ci_ratio
    small_gain,  ///< the cost per year gained divides by a gain that may be near zero
};

/// Ten events per estimated coefficient is the usual floor for a Cox model (Peduzzi et al.
/// 1995, J Clin Epidemiol 48:1503). Here it is asked of each arm, not of the total: with a
/// handful of events on one side the partial likelihood nears the monotone case the table
/// already refuses (no events), the ratio is pushed away from 1 and its Wald interval is
/// unreliable, however many events the other arm has.
inline constexpr int caution_min_events = 10;
/// upper / lower > 10 is SE(log HR) > ln(10) / 3.92 = 0.59: the interval cannot tell a
/// halving from a doubling, e.g. 0.3–3, so the point estimate says little about size.
inline constexpr double caution_max_ci_ratio = 10.0;
/// A gain whose lower 95 % bound is below 10 % of its estimate leaves the cost per year gained
/// uncertain by more than a factor 10 (the same order of magnitude as for the interval above):
/// at the lower end of the gain the cost per year would be over ten times the one shown.
inline constexpr double caution_min_gain_share = 0.1;

/// The machine name of a caution ("few_events", "wide_ci", "small_gain").
[[nodiscard]] const char* caution_name(Caution caution);

/// One row of the what-if table.
struct ArmComparison {
    std::string arm;
    int runs = 0;
    int events = 0;  ///< runs that ended before the horizon
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
    /// Estimates of this row to read with caution, in the order of Caution; empty for the
    /// baseline and for rows whose estimates are all stable enough.
    std::vector<Caution> cautions;
};

/// The what-if table: every arm against the first (the baseline). `horizon_months` bounds
/// RMST; survival at 5/10/15 years is reported only where the horizon reaches.
[[nodiscard]] std::vector<ArmComparison> compare_arms(const std::vector<ArmSample>& arms,
                                                      double horizon_months);

}  // namespace regiosim::analysis

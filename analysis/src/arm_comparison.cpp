#include "regiosim/analysis/arm_comparison.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "regiosim/analysis/cox_model.hpp"
#include "regiosim/analysis/kaplan_meier.hpp"
#include "regiosim/analysis/restricted_mean.hpp"
#include "regiosim/analysis/survival_quantiles.hpp"

namespace regiosim::analysis {

namespace {

constexpr double months_per_year = 12.0;

SurvivalData to_data(const ArmSample& arm) {
    SurvivalData d;
    d.time = arm.months;
    d.event = arm.ended;
    return d;
}

EstimateCi survival_at_year(const KaplanMeier& km, double years, double horizon_months) {
    const double t = years * months_per_year;
    if (t > horizon_months) {
        return EstimateCi{0, 0, 0, false};
    }
    const auto s = survival_at(km, t);
    return EstimateCi{s.surv, s.lower, s.upper, true};
}

EstimateCi in_years(const SurvivalQuantile& q) {
    // A median that is not reached stays NaN: the table prints it as NR, like R's NA.
    return EstimateCi{q.time / months_per_year, q.lower / months_per_year,
                      q.upper / months_per_year, true};
}

int events_in(const ArmSample& s) {
    return std::accumulate(s.ended.begin(), s.ended.end(), 0);
}

std::optional<std::pair<EstimateCi, double>> hazard_ratio(const ArmSample& arm,
                                                          const ArmSample& base) {
    const auto n = arm.months.size() + base.months.size();
    std::vector<double> time;
    std::vector<int> event;
    time.reserve(n);
    event.reserve(n);
    Eigen::MatrixXd x(static_cast<Eigen::Index>(n), 1);
    Eigen::Index row = 0;
    for (std::size_t i = 0; i < base.months.size(); ++i, ++row) {
        time.push_back(base.months[i]);
        event.push_back(base.ended[i]);
        x(row, 0) = 0.0;
    }
    for (std::size_t i = 0; i < arm.months.size(); ++i, ++row) {
        time.push_back(arm.months[i]);
        event.push_back(arm.ended[i]);
        x(row, 0) = 1.0;
    }
    // With no event in one of the two arms the partial likelihood has no maximum (monotone
    // likelihood): Newton–Raphson would wander off to a ratio of 0 or infinity with a
    // meaningless interval. Such a ratio is reported as not estimable instead.
    if (events_in(arm) == 0 || events_in(base) == 0) {
        return std::nullopt;
    }
    try {
        const auto fit = cox_fit(time, event, x);
        return std::make_pair(
            EstimateCi{fit.hazard_ratio(0), fit.hr_lower(0), fit.hr_upper(0), true},
            fit.p_value(0));
    } catch (const std::exception&) {
        return std::nullopt;  // e.g. all events in one arm: the ratio is not estimable
    }
}

std::vector<Caution> cautions_of(const ArmComparison& row, int baseline_events) {
    std::vector<Caution> out;
    // Both flags on the ratio are about a number shown; with no ratio there is none to doubt.
    if (row.hazard_ratio && std::min(row.events, baseline_events) < caution_min_events) {
        out.push_back(Caution::few_events);
    }
    // A lower bound of 0 (or an upper bound of infinity) is the widest interval of all.
    if (row.hazard_ratio &&
        !(row.hazard_ratio->upper <= caution_max_ci_ratio * row.hazard_ratio->lower)) {
        out.push_back(Caution::wide_ci);
    }
    if (row.cost_per_year_gained &&
        row.rmst_gain_years.lower < caution_min_gain_share * row.rmst_gain_years.estimate) {
        out.push_back(Caution::small_gain);
    }
    return out;
}

}  // namespace

const char* caution_name(Caution caution) {
    switch (caution) {
        case Caution::few_events:
            return "few_events";
        case Caution::wide_ci:
            return "wide_ci";
        case Caution::small_gain:
            return "small_gain";
    }
    return "unknown";
}

std::vector<ArmComparison> compare_arms(const std::vector<ArmSample>& arms, double horizon_months) {
    std::vector<ArmComparison> rows;
    if (arms.empty()) {
        return rows;
    }
    const auto& base = arms.front();
    const auto base_km = kaplan_meier(to_data(base));
    const auto base_rmst = rmst(base_km, horizon_months);
    const double base_cost =
        base.total_cost.empty()
            ? 0.0
            : std::accumulate(base.total_cost.begin(), base.total_cost.end(), 0.0) /
                  static_cast<double>(base.total_cost.size());

    for (std::size_t a = 0; a < arms.size(); ++a) {
        const auto& arm = arms[a];
        ArmComparison row;
        row.arm = arm.name;
        row.runs = static_cast<int>(arm.months.size());
        row.events = events_in(arm);
        const auto km = kaplan_meier(to_data(arm));
        row.median_years = in_years(median_survival(km));
        row.survival_5y = survival_at_year(km, 5, horizon_months);
        row.survival_10y = survival_at_year(km, 10, horizon_months);
        row.survival_15y = survival_at_year(km, 15, horizon_months);
        const auto r = rmst(km, horizon_months);
        row.rmst_years = EstimateCi{r.estimate / months_per_year, r.lower / months_per_year,
                                    r.upper / months_per_year, true};
        const auto diff = rmst_difference(km, base_km, horizon_months);
        row.rmst_gain_years =
            EstimateCi{diff.difference / months_per_year, diff.lower / months_per_year,
                       diff.upper / months_per_year, a > 0};
        if (a > 0) {
            if (const auto hr = hazard_ratio(arm, base)) {
                row.hazard_ratio = hr->first;
                row.hazard_p_value = hr->second;
            }
        }
        int sustaining = 0;
        std::map<int, int> causes;
        double months_run = 0.0;
        for (std::size_t i = 0; i < arm.months.size(); ++i) {
            sustaining += i < arm.month_self_sustaining.size() && arm.month_self_sustaining[i] >= 0;
            if (i < arm.cause.size() && arm.cause[i] != 0) {
                ++causes[arm.cause[i]];
            }
            months_run += arm.months[i];
        }
        const double runs = std::max(1.0, static_cast<double>(arm.months.size()));
        row.share_self_sustaining = sustaining / runs;
        for (const auto& [code, count] : causes) {
            row.causes.emplace_back(code, count / runs);
        }
        std::stable_sort(row.causes.begin(), row.causes.end(),
                         [](const auto& l, const auto& r2) { return l.second > r2.second; });
        row.mean_total_cost =
            arm.total_cost.empty()
                ? 0.0
                : std::accumulate(arm.total_cost.begin(), arm.total_cost.end(), 0.0) / runs;
        row.yearly_cost =
            months_run > 0.0 ? row.mean_total_cost / (months_run / runs / months_per_year) : 0.0;
        const double gain_years = (r.estimate - base_rmst.estimate) / months_per_year;
        // Only a gain distinguishable from zero has a cost per year: dividing by a gain whose
        // interval includes 0 gives numbers of any size and either sign.
        if (a > 0 && gain_years > 0.0 && row.rmst_gain_years.defined &&
            row.rmst_gain_years.lower > 0.0) {
            row.cost_per_year_gained = (row.mean_total_cost - base_cost) / gain_years;
        }
        if (a > 0) {
            row.cautions = cautions_of(row, events_in(base));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace regiosim::analysis

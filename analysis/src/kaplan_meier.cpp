#include "regiosim/analysis/kaplan_meier.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "regiosim/analysis/distributions.hpp"
#include "regiosim/analysis/errors.hpp"

namespace regiosim::analysis {

int KaplanMeier::events() const noexcept {
    return std::accumulate(n_event.begin(), n_event.end(), 0);
}

KaplanMeier kaplan_meier(const SurvivalData& data, const KaplanMeierOptions& options) {
    validate(data);
    require_conf_level(options.conf_level);
    const std::size_t n = data.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return data.time[a] < data.time[b]; });

    KaplanMeier km;
    km.n = n;
    km.conf_level = options.conf_level;
    km.conf_type = options.conf_type;

    int at_risk = static_cast<int>(n);
    double surv = 1.0;
    double greenwood = 0.0;  // running sum of d / (n (n - d)): the variance of -log S
    for (std::size_t i = 0; i < n;) {
        const double t = data.time[order[i]];
        int events = 0;
        int censored = 0;
        for (; i < n && data.time[order[i]] == t; ++i) {
            (data.event[order[i]] == 1 ? events : censored) += 1;
        }
        if (events > 0) {
            surv *= static_cast<double>(at_risk - events) / static_cast<double>(at_risk);
            // When everyone at risk fails the term is infinite, as in R: S is 0 and its
            // log has no finite standard error.
            greenwood += static_cast<double>(events) /
                         (static_cast<double>(at_risk) * static_cast<double>(at_risk - events));
        }
        const double se_log = std::sqrt(greenwood);
        const Interval ci =
            survival_confidence_interval(surv, se_log, options.conf_type, options.conf_level);
        km.time.push_back(t);
        km.n_risk.push_back(at_risk);
        km.n_event.push_back(events);
        km.n_censor.push_back(censored);
        km.surv.push_back(surv);
        km.std_err_log.push_back(se_log);
        km.std_err.push_back(se_log * surv);  // 0 * inf = NaN where S = 0, as R's summary
        km.lower.push_back(ci.lower);
        km.upper.push_back(ci.upper);
        at_risk -= events + censored;
    }
    return km;
}

std::map<int, KaplanMeier> kaplan_meier_by_group(const SurvivalData& data,
                                                 const KaplanMeierOptions& options) {
    std::map<int, KaplanMeier> curves;
    for (int code : group_codes(data)) {
        curves.emplace(code, kaplan_meier(select_group(data, code), options));
    }
    return curves;
}

SurvivalEstimate survival_at(const KaplanMeier& km, double t) {
    if (!std::isfinite(t)) {
        throw InvalidDataError("survival requested at time " + std::to_string(t) +
                               "; the time must be finite");
    }
    SurvivalEstimate out;
    out.time = t;
    // Rows with time <= t; the last of them gives the value of the step function.
    const auto after = std::upper_bound(km.time.begin(), km.time.end(), t);
    const auto rows_at_or_before = static_cast<std::size_t>(after - km.time.begin());
    // n_risk counts follow-up >= t: that is n_risk of the first row at or after t.
    const auto first_at_or_after = static_cast<std::size_t>(
        std::lower_bound(km.time.begin(), km.time.end(), t) - km.time.begin());
    out.n_risk = first_at_or_after < km.size() ? km.n_risk[first_at_or_after] : 0;
    if (rows_at_or_before == 0) {
        return out;  // before the first row: S = 1, se 0, limits [1, 1]
    }
    const std::size_t row = rows_at_or_before - 1;
    out.surv = km.surv[row];
    out.std_err = km.std_err[row];
    out.lower = km.lower[row];
    out.upper = km.upper[row];
    return out;
}

}  // namespace regiosim::analysis

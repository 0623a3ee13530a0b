#include "regiosim/analysis/cumulative_incidence.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "regiosim/analysis/errors.hpp"

namespace regiosim::analysis {

namespace {

// The per-time counts the estimator is built from.
struct TimeTable {
    std::vector<double> time;
    std::vector<int> at_risk;
    std::vector<int> censored;
    Eigen::MatrixXi events;  // time x cause
    // How many subjects left at each time with each status (0 = censored, c + 1 = cause c).
    Eigen::MatrixXi leaving;
};

TimeTable tabulate(const SurvivalData& data, const std::vector<int>& causes) {
    const std::size_t n = data.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return data.time[a] < data.time[b]; });
    TimeTable table;
    for (std::size_t i = 0; i < n; ++i) {
        if (i == 0 || data.time[order[i]] != data.time[order[i - 1]]) {
            table.time.push_back(data.time[order[i]]);
        }
    }
    const auto m = static_cast<Eigen::Index>(table.time.size());
    const auto k = static_cast<Eigen::Index>(causes.size());
    table.events = Eigen::MatrixXi::Zero(m, k);
    table.leaving = Eigen::MatrixXi::Zero(m, k + 1);
    table.censored.assign(table.time.size(), 0);
    table.at_risk.assign(table.time.size(), 0);
    Eigen::Index row = -1;
    for (std::size_t i = 0; i < n; ++i) {
        if (i == 0 || data.time[order[i]] != data.time[order[i - 1]]) {
            ++row;
        }
        const int cause = data.cause[order[i]];
        if (cause == 0) {
            table.censored[static_cast<std::size_t>(row)] += 1;
            table.leaving(row, 0) += 1;
        } else {
            const auto col = static_cast<Eigen::Index>(
                std::lower_bound(causes.begin(), causes.end(), cause) - causes.begin());
            table.events(row, col) += 1;
            table.leaving(row, col + 1) += 1;
        }
    }
    int remaining = static_cast<int>(n);
    for (Eigen::Index j = 0; j < m; ++j) {
        table.at_risk[static_cast<std::size_t>(j)] = remaining;
        remaining -= table.leaving.row(j).sum();
    }
    return table;
}

}  // namespace

CumulativeIncidence cumulative_incidence(const SurvivalData& data) {
    validate(data);
    if (!data.has_causes()) {
        throw InvalidDataError(
            "cumulative incidence needs a cause column: fill SurvivalData::cause "
            "with 0 for censored and 1, 2, ... for the cause of each event");
    }
    CumulativeIncidence out;
    out.n = data.size();
    for (int c : data.cause) {
        if (c != 0) {
            out.causes.push_back(c);
        }
    }
    std::sort(out.causes.begin(), out.causes.end());
    out.causes.erase(std::unique(out.causes.begin(), out.causes.end()), out.causes.end());

    const TimeTable table = tabulate(data, out.causes);
    const auto m = static_cast<Eigen::Index>(table.time.size());
    const auto k = static_cast<Eigen::Index>(out.causes.size());
    out.time = table.time;
    out.n_risk = table.at_risk;
    out.n_censor = table.censored;
    out.n_event = table.events;

    // Aalen-Johansen for one transient state and k absorbing causes: the incidence of cause c
    // grows by S(t-) * d_c / Y at each time, and S is the all-cause Kaplan-Meier.
    std::vector<double> hazard(static_cast<std::size_t>(m));  // all-cause d / Y
    Eigen::MatrixXd cause_hazard(m, k);
    out.event_free.resize(static_cast<std::size_t>(m));
    out.incidence = Eigen::MatrixXd::Zero(m, k);
    double surv = 1.0;
    Eigen::RowVectorXd incidence = Eigen::RowVectorXd::Zero(k);
    for (Eigen::Index j = 0; j < m; ++j) {
        const double y = table.at_risk[static_cast<std::size_t>(j)];
        cause_hazard.row(j) = table.events.row(j).cast<double>() / y;
        hazard[static_cast<std::size_t>(j)] = cause_hazard.row(j).sum();
        incidence += surv * cause_hazard.row(j);
        surv *= 1.0 - hazard[static_cast<std::size_t>(j)];
        out.incidence.row(j) = incidence;
        out.event_free[static_cast<std::size_t>(j)] = surv;
    }

    // Infinitesimal jackknife: the derivative of every estimate with respect to one subject's
    // case weight, squared and summed over subjects (R survival's multi-state std.err).
    // Done in O(m k) instead of O(n m k) by noting that
    //  - everyone still at risk at t_j (and not failing then) has the same influence (u, v);
    //    those failing of cause c at t_j differ only by the event term S(t_j-) / Y_j;
    //  - after a subject leaves at t_r its influence evolves deterministically:
    //    on S it is beta S(t_j), on F_c it is alpha_c + beta F_c(t_j), with beta = dS_r / S_r,
    //    so the sum of squares over departed subjects needs only running sums of
    //    beta^2, alpha_c^2 and alpha_c beta.
    const auto ku = static_cast<std::size_t>(k);
    double u = 0.0;                  // influence on S of a subject still at risk
    std::vector<double> v(ku, 0.0);  // ... and on each F_c
    double sum_beta2 = 0.0;          // sums over departed subjects
    std::vector<double> sum_alpha2(ku, 0.0);
    std::vector<double> sum_alpha_beta(ku, 0.0);
    out.event_free_std_err.resize(static_cast<std::size_t>(m));
    out.std_err.resize(m, k);
    double s_prev = 1.0;
    for (Eigen::Index j = 0; j < m; ++j) {
        const auto ju = static_cast<std::size_t>(j);
        const double y = table.at_risk[ju];
        const double lambda = hazard[ju];
        const double s = out.event_free[ju];
        // Common path: in the risk set at t_j without an event, d(d_c / Y)/dw = -lambda_c / Y.
        for (std::size_t c = 0; c < ku; ++c) {
            const double lambda_c = cause_hazard(j, static_cast<Eigen::Index>(c));
            v[c] += u * lambda_c - s_prev * lambda_c / y;
        }
        u = u * (1.0 - lambda) + s_prev * lambda / y;
        const double event_term = s_prev / y;  // extra influence of failing at t_j

        const double deaths = static_cast<double>(table.events.row(j).sum());
        const double survivors = y - deaths;
        double var_s = survivors * u * u + s * s * sum_beta2;
        for (std::size_t c = 0; c < ku; ++c) {
            var_s +=
                table.events(j, static_cast<Eigen::Index>(c)) * (u - event_term) * (u - event_term);
        }
        out.event_free_std_err[ju] = std::sqrt(var_s);
        for (std::size_t c = 0; c < ku; ++c) {
            const auto cc = static_cast<Eigen::Index>(c);
            const double f = out.incidence(j, cc);
            double var_f = survivors * v[c] * v[c] + sum_alpha2[c] + 2.0 * f * sum_alpha_beta[c] +
                           f * f * sum_beta2;
            for (std::size_t e = 0; e < ku; ++e) {
                const double shifted = v[c] + (e == c ? event_term : 0.0);
                var_f += table.events(j, static_cast<Eigen::Index>(e)) * shifted * shifted;
            }
            out.std_err(j, cc) = std::sqrt(var_f);
        }

        // Subjects leaving at t_j (censored, or failing of cause e) join the departed sums.
        // When S reaches 0 nobody is left and no later time exists, so nothing is added.
        if (s > 0.0) {
            auto depart = [&](double count, double ds, const std::vector<double>& df) {
                const double beta = ds / s;
                sum_beta2 += count * beta * beta;
                for (std::size_t c = 0; c < ku; ++c) {
                    const double alpha =
                        df[c] - beta * out.incidence(j, static_cast<Eigen::Index>(c));
                    sum_alpha2[c] += count * alpha * alpha;
                    sum_alpha_beta[c] += count * alpha * beta;
                }
            };
            depart(table.censored[ju], u, v);
            for (std::size_t e = 0; e < ku; ++e) {
                std::vector<double> df = v;
                df[e] += event_term;
                depart(table.events(j, static_cast<Eigen::Index>(e)), u - event_term, df);
            }
        }
        s_prev = s;
    }
    return out;
}

IncidenceEstimate incidence_at(const CumulativeIncidence& ci, int cause, double t) {
    const auto it = std::find(ci.causes.begin(), ci.causes.end(), cause);
    if (it == ci.causes.end()) {
        throw InvalidDataError("cause " + std::to_string(cause) +
                               " does not occur in the data; the causes are the nonzero codes "
                               "of SurvivalData::cause");
    }
    if (!std::isfinite(t)) {
        throw InvalidDataError("incidence requested at time " + std::to_string(t) +
                               "; the time must be finite");
    }
    const auto col = static_cast<Eigen::Index>(it - ci.causes.begin());
    const auto rows = static_cast<Eigen::Index>(
        std::upper_bound(ci.time.begin(), ci.time.end(), t) - ci.time.begin());
    IncidenceEstimate out;
    out.time = t;
    if (rows > 0) {
        out.incidence = ci.incidence(rows - 1, col);
        out.std_err = ci.std_err(rows - 1, col);
    }
    return out;
}

}  // namespace regiosim::analysis

#include "cox_partial_likelihood.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "cox_sort_order.hpp"

namespace regiosim::analysis {

CoxRiskSets::CoxRiskSets(std::span<const double> time, std::span<const int> event,
                         const Eigen::MatrixXd& x)
    : p_(x.cols()), x_(x.rows(), x.cols()) {
    const std::size_t n = time.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    stable_sort_by(time, order);

    // Walk the ascending order from its end, one distinct time at a time, placing the deaths
    // of each time before its censorings. The times and events are first gathered into that
    // order so the walk reads memory sequentially.
    std::vector<double> sorted_time(n);
    std::vector<int> sorted_event(n);
    for (std::size_t i = 0; i < n; ++i) {
        sorted_time[i] = time[order[i]];
        sorted_event[i] = event[order[i]];
    }
    std::vector<std::size_t> source;  // source[row] = the subject stored in that row
    source.reserve(n);
    for (std::size_t idx = n; idx > 0;) {
        const double t = sorted_time[idx - 1];
        std::size_t first = idx - 1;
        while (first > 0 && sorted_time[first - 1] == t) {
            --first;
        }
        const std::size_t begin = source.size();
        for (std::size_t i = first; i < idx; ++i) {
            if (sorted_event[i] != 0) {
                source.push_back(order[i]);
            }
        }
        const std::size_t deaths_end = source.size();
        for (std::size_t i = first; i < idx; ++i) {
            if (sorted_event[i] == 0) {
                source.push_back(order[i]);
            }
        }
        blocks_.push_back(TimeBlock{t, begin, deaths_end, source.size()});
        idx = first;
    }
    // Column by column, so the scattered reads stay within one column of `x`.
    for (Eigen::Index j = 0; j < p_; ++j) {
        const double* from = x.col(j).data();
        double* to = x_.col(j).data();
        for (std::size_t row = 0; row < n; ++row) {
            to[row] = from[source[row]];
        }
    }
    const auto event_times = std::count_if(
        blocks_.begin(), blocks_.end(), [](const TimeBlock& b) { return b.deaths_end > b.begin; });
    death_x_sums_.resize(p_, event_times);
    Eigen::Index event_time = 0;
    for (const TimeBlock& block : blocks_) {
        if (block.deaths_end > block.begin) {
            death_x_sums_.col(event_time++) =
                x_.middleRows(static_cast<Eigen::Index>(block.begin),
                              static_cast<Eigen::Index>(block.deaths_end - block.begin))
                    .colwise()
                    .sum()
                    .transpose();
        }
    }
}

// The hot loop of the fit: one exp and O(p^2) multiply-adds per subject, reading the
// covariate columns in the order they are stored.
void CoxRiskSets::add_rows(std::size_t begin, std::size_t end, const Eigen::VectorXd& beta,
                           RiskSums& sums) const {
    const auto p = static_cast<std::size_t>(p_);
    const auto n = static_cast<std::size_t>(x_.rows());
    const double* x = x_.data();  // column-major: x(i, j) is at j * n + i
    const double* b = beta.data();
    double* sx = sums.x.data();
    double* sxx = sums.xx.data();  // column-major p x p: (j, k) is at k * p + j
    for (std::size_t i = begin; i < end; ++i) {
        double eta = 0.0;
        for (std::size_t j = 0; j < p; ++j) {
            eta += x[j * n + i] * b[j];
        }
        const double risk = std::exp(eta);
        sums.risk += risk;
        for (std::size_t k = 0; k < p; ++k) {
            const double rx = risk * x[k * n + i];
            sx[k] += rx;
            for (std::size_t j = k; j < p; ++j) {
                sxx[k * p + j] += rx * x[j * n + i];
            }
        }
    }
}

// Term i of an event time has the denominator den_i = S0 + f_i D0, the mean
// (S1 + f_i D1) / den_i and the spread (S2 + f_i D2) / den_i - mean mean', where S are the sums
// over the survivors, D those over the deaths and f_i the fraction of the deaths still at risk
// (Efron) or 1 (Breslow). Only f_i changes between terms, so the terms sum in closed form from
// five scalar sums over them: Efron's d terms cost O(d) instead of O(d p^2). The sums S and D
// are divided by the whole risk set S0 + D0 first, so that squared denominators cannot
// overflow when exp(eta) is huge.
void CoxRiskSets::add_terms(const RiskSums& survivors, const RiskSums& deaths, TieMethod ties,
                            EventTime& at) {
    const double total = survivors.risk + deaths.risk;
    double log_sum = 0.0;
    // Over the terms, of weight w and with c = total / den (between 1 and d):
    double sum_c = 0.0;     // w c
    double sum_cf = 0.0;    // w c f
    double sum_c2 = 0.0;    // w c^2
    double sum_c2f = 0.0;   // w c^2 f
    double sum_c2f2 = 0.0;  // w c^2 f^2
    auto add_term = [&](double weight, double fraction) {
        const double den = survivors.risk + fraction * deaths.risk;
        const double c = total / den;
        const double wc = weight * c;
        const double wc2 = wc * c;
        log_sum += weight * std::log(den);
        sum_c += wc;
        sum_cf += wc * fraction;
        sum_c2 += wc2;
        sum_c2f += wc2 * fraction;
        sum_c2f2 += wc2 * fraction * fraction;
    };
    const double d = static_cast<double>(at.deaths);
    if (ties == TieMethod::breslow || at.deaths == 1) {
        add_term(d, 1.0);
    } else {
        for (int k = 1; k <= at.deaths; ++k) {
            add_term(1.0, static_cast<double>(k) / d);
        }
    }
    at.log_denominator_sum = log_sum;
    at.mean_sum = (sum_c / total) * survivors.x + (sum_cf / total) * deaths.x;
    const auto p = survivors.x.size();
    for (Eigen::Index k = 0; k < p; ++k) {
        const double s_k = survivors.x(k) / total;
        const double d_k = deaths.x(k) / total;
        for (Eigen::Index j = k; j < p; ++j) {
            const double s_j = survivors.x(j) / total;
            const double d_j = deaths.x(j) / total;
            const double second =
                sum_c * (survivors.xx(j, k) / total) + sum_cf * (deaths.xx(j, k) / total);
            const double outer =
                sum_c2 * s_j * s_k + sum_c2f * (s_j * d_k + d_j * s_k) + sum_c2f2 * d_j * d_k;
            at.spread_sum(j, k) = second - outer;
            at.spread_sum(k, j) = second - outer;
        }
    }
}

CoxDerivatives CoxRiskSets::derivatives(const Eigen::VectorXd& beta, TieMethod ties) const {
    CoxDerivatives out;
    out.score = Eigen::VectorXd::Zero(p_);
    out.information = Eigen::MatrixXd::Zero(p_, p_);
    for_each_event_time(beta, ties, [&](const EventTime& at) {
        out.loglik += at.death_eta_sum - at.log_denominator_sum;
        out.score += at.death_x_sum - at.mean_sum;
        out.information += at.spread_sum;
    });
    return out;
}

}  // namespace regiosim::analysis

#include "cox_partial_likelihood.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace regiosim::analysis {

CoxRiskSets::CoxRiskSets(std::span<const double> time, std::span<const int> event)
    : time_(time), event_(event), order_(time.size()) {
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    std::stable_sort(order_.begin(), order_.end(),
                     [&](std::size_t a, std::size_t b) { return time_[a] < time_[b]; });
}

CoxDerivatives CoxRiskSets::derivatives(const Eigen::MatrixXd& x, const Eigen::VectorXd& beta,
                                        TieMethod ties) const {
    const auto p = x.cols();
    CoxDerivatives out;
    out.score = Eigen::VectorXd::Zero(p);
    out.information = Eigen::MatrixXd::Zero(p, p);
    const Eigen::VectorXd eta = x * beta;
    for_each_event_time(x, eta, ties, [&](const EventTime& at) {
        out.loglik += at.death_eta_sum;
        out.score += at.death_x_sum;
        for (const RiskSetTerm& term : at.terms) {
            out.loglik -= term.weight * std::log(term.denominator);
            out.score -= term.weight * term.mean;
            out.information += term.weight * term.spread;
        }
    });
    return out;
}

}  // namespace regiosim::analysis

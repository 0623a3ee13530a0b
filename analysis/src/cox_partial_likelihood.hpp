#pragma once

// Internal: the risk-set sums behind the Cox partial likelihood, shared by cox_fit (score and
// information) and cox_zph (the same sums weighted by a function of time).

#include <Eigen/Dense>
#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

#include "regiosim/analysis/cox_model.hpp"

namespace regiosim::analysis {

/// Log partial likelihood, its gradient (score) and negative Hessian (information).
struct CoxDerivatives {
    double loglik = 0.0;
    Eigen::VectorXd score;
    Eigen::MatrixXd information;
};

/// One term of the likelihood at an event time. Breslow has one term per time with weight d;
/// Efron has d terms of weight 1 in which the tied deaths count with fractions 1/d, 2/d, ..., 1.
struct RiskSetTerm {
    double weight = 1.0;
    double denominator = 0.0;  ///< sum of exp(eta) over the (Efron-weighted) risk set
    Eigen::VectorXd mean;      ///< risk-weighted mean covariate
    Eigen::MatrixXd spread;    ///< risk-weighted covariance of the covariates
};

/// Everything the likelihood needs from one distinct event time.
struct EventTime {
    double time = 0.0;
    int deaths = 0;
    double death_eta_sum = 0.0;
    Eigen::VectorXd death_x_sum;
    std::vector<RiskSetTerm> terms;
};

/// Subjects ordered by time, walked from the last time to the first so each risk set is built
/// by adding subjects.
class CoxRiskSets {
  public:
    CoxRiskSets(std::span<const double> time, std::span<const int> event);

    /// Calls `visit(const EventTime&)` for each distinct event time, latest first.
    template <typename Visitor>
    void for_each_event_time(const Eigen::MatrixXd& x, const Eigen::VectorXd& eta, TieMethod ties,
                             Visitor&& visit) const;

    /// Log-likelihood, score and information at `beta` for covariates `x` (already centred).
    [[nodiscard]] CoxDerivatives derivatives(const Eigen::MatrixXd& x, const Eigen::VectorXd& beta,
                                             TieMethod ties) const;

  private:
    std::span<const double> time_;
    std::span<const int> event_;
    std::vector<std::size_t> order_;  // ascending time
};

template <typename Visitor>
void CoxRiskSets::for_each_event_time(const Eigen::MatrixXd& x, const Eigen::VectorXd& eta,
                                      TieMethod ties, Visitor&& visit) const {
    const auto p = x.cols();
    double denom = 0.0;
    Eigen::VectorXd a = Eigen::VectorXd::Zero(p);
    Eigen::MatrixXd c = Eigen::MatrixXd::Zero(p, p);
    EventTime at;
    Eigen::VectorXd a_dead(p);
    Eigen::MatrixXd c_dead(p, p);
    for (std::size_t idx = order_.size(); idx > 0;) {
        at.time = time_[order_[idx - 1]];
        at.deaths = 0;
        at.death_eta_sum = 0.0;
        at.death_x_sum = Eigen::VectorXd::Zero(p);
        at.terms.clear();
        double denom_dead = 0.0;
        a_dead.setZero();
        c_dead.setZero();
        // Everyone with this time joins the risk set; the deaths are kept apart for Efron.
        while (idx > 0 && time_[order_[idx - 1]] == at.time) {
            const std::size_t person = order_[--idx];
            const auto row = static_cast<Eigen::Index>(person);
            const double risk = std::exp(eta(row));
            const Eigen::VectorXd xi = x.row(row).transpose();
            if (event_[person] == 0) {
                denom += risk;
                a += risk * xi;
                c.noalias() += risk * xi * xi.transpose();
            } else {
                ++at.deaths;
                at.death_eta_sum += eta(row);
                at.death_x_sum += xi;
                denom_dead += risk;
                a_dead += risk * xi;
                c_dead.noalias() += risk * xi * xi.transpose();
            }
        }
        if (at.deaths == 0) {
            continue;
        }
        const double d = static_cast<double>(at.deaths);
        auto add_term = [&](double weight, double fraction) {
            RiskSetTerm term;
            term.weight = weight;
            term.denominator = denom + fraction * denom_dead;
            term.mean = (a + fraction * a_dead) / term.denominator;
            term.spread =
                (c + fraction * c_dead) / term.denominator - term.mean * term.mean.transpose();
            at.terms.push_back(std::move(term));
        };
        if (ties == TieMethod::breslow || at.deaths == 1) {
            add_term(d, 1.0);
        } else {
            for (int k = 1; k <= at.deaths; ++k) {
                add_term(1.0, static_cast<double>(k) / d);
            }
        }
        visit(static_cast<const EventTime&>(at));
        denom += denom_dead;
        a += a_dead;
        c += c_dead;
    }
}

}  // namespace regiosim::analysis

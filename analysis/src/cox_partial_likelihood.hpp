#pragma once

// Internal: the risk-set sums behind the Cox partial likelihood, shared by cox_fit (score and
// information) and cox_zph (the same sums weighted by a function of time).
//
// The subjects are sorted by time once; every evaluation then walks them from the latest time
// to the earliest, adding each subject to running sums of exp(eta), exp(eta) x and
// exp(eta) x x'. One evaluation is a single pass over the subjects plus a little work per
// distinct event time, whatever the number of ties.

#include <Eigen/Dense>
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

/// Sums of exp(eta), exp(eta) x and exp(eta) x x' over a set of subjects.
struct RiskSums {
    explicit RiskSums(Eigen::Index p)
        : risk(0.0), x(Eigen::VectorXd::Zero(p)), xx(Eigen::MatrixXd::Zero(p, p)) {}

    void clear() {
        risk = 0.0;
        x.setZero();
        xx.setZero();
    }

    double risk;
    Eigen::VectorXd x;
    Eigen::MatrixXd xx;  ///< only the lower triangle is accumulated
};

/// What the likelihood needs from one distinct event time. The terms of the likelihood at that
/// time come already summed: Breslow has one term of weight d (the number of deaths); Efron has
/// d terms of weight 1 in which the tied deaths count with fractions 1/d, 2/d, ..., 1.
struct EventTime {
    explicit EventTime(Eigen::Index p) : death_x_sum(p), mean_sum(p), spread_sum(p, p) {}

    double time = 0.0;
    int deaths = 0;
    double death_eta_sum = 0.0;        ///< sum of x . beta over the deaths
    Eigen::VectorXd death_x_sum;       ///< sum of x over the deaths
    double log_denominator_sum = 0.0;  ///< sum of weight * log(risk-set sum of exp(eta))
    Eigen::VectorXd mean_sum;          ///< sum of weight * risk-weighted mean of x
    Eigen::MatrixXd spread_sum;        ///< sum of weight * risk-weighted covariance of x
};

/// Subjects ordered by time, walked from the last time to the first so each risk set is built
/// by adding subjects.
class CoxRiskSets {
  public:
    /// Sorts the subjects by time and keeps a copy of `x` (covariates, already centred) in that
    /// order, so an evaluation reads memory sequentially.
    CoxRiskSets(std::span<const double> time, std::span<const int> event, const Eigen::MatrixXd& x);

    /// Calls `visit(const EventTime&)` for each distinct event time, latest first.
    template <typename Visitor>
    void for_each_event_time(const Eigen::VectorXd& beta, TieMethod ties, Visitor&& visit) const;

    /// Log-likelihood, score and information at `beta`.
    [[nodiscard]] CoxDerivatives derivatives(const Eigen::VectorXd& beta, TieMethod ties) const;

  private:
    /// The subjects with one distinct time: rows [begin, deaths_end) had the event then,
    /// rows [deaths_end, end) were censored then.
    struct TimeBlock {
        double time;
        std::size_t begin;
        std::size_t deaths_end;
        std::size_t end;
    };

    /// Adds rows [begin, end) at `beta` to `sums`.
    void add_rows(std::size_t begin, std::size_t end, const Eigen::VectorXd& beta,
                  RiskSums& sums) const;

    /// Fills the likelihood terms of `at` from the sums over those at risk but not dying
    /// (`survivors`: later times and censored at this one) and over the deaths.
    static void add_terms(const RiskSums& survivors, const RiskSums& deaths, TieMethod ties,
                          EventTime& at);

    Eigen::Index p_;
    std::vector<TimeBlock> blocks_;  // latest time first
    Eigen::MatrixXd x_;              // rows in block order
    Eigen::MatrixXd death_x_sums_;   // column k: sum of x over the deaths at the k-th event time
};

template <typename Visitor>
void CoxRiskSets::for_each_event_time(const Eigen::VectorXd& beta, TieMethod ties,
                                      Visitor&& visit) const {
    RiskSums at_risk(p_);
    RiskSums deaths(p_);
    EventTime at(p_);
    Eigen::Index event_time = 0;
    for (const TimeBlock& block : blocks_) {
        // The censored join the risk set before the deaths are scored: they were at risk.
        add_rows(block.deaths_end, block.end, beta, at_risk);
        if (block.deaths_end == block.begin) {
            continue;
        }
        deaths.clear();
        add_rows(block.begin, block.deaths_end, beta, deaths);
        at.time = block.time;
        at.deaths = static_cast<int>(block.deaths_end - block.begin);
        at.death_x_sum = death_x_sums_.col(event_time++);
        at.death_eta_sum = at.death_x_sum.dot(beta);
        add_terms(at_risk, deaths, ties, at);
        visit(static_cast<const EventTime&>(at));
        at_risk.risk += deaths.risk;
        at_risk.x += deaths.x;
        at_risk.xx += deaths.xx;
    }
}

}  // namespace regiosim::analysis

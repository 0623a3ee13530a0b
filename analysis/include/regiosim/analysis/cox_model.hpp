#pragma once

#include <Eigen/Dense>
#include <span>

#include "regiosim/analysis/concordance.hpp"
#include "regiosim/analysis/distributions.hpp"
#include "regiosim/analysis/survival_data.hpp"

/// @file
/// The Cox proportional-hazards model fitted by Newton–Raphson, as R's `coxph`.

namespace regiosim::analysis {

/// How tied event times enter the partial likelihood.
enum class TieMethod {
    efron,    ///< R's default, ties = "efron"
    breslow,  ///< ties = "breslow"
};

/// Options for cox_fit(); the defaults are those of R's coxph.control().
struct CoxOptions {
    TieMethod ties = TieMethod::efron;
    int max_iterations = 20;
    double tolerance = 1e-9;  ///< stop when |1 - loglik_old / loglik_new| <= tolerance
    double conf_level = 0.95;
};

/// A fitted Cox model. Vectors have one entry per covariate column, in column order.
struct CoxFit {
    Eigen::VectorXd coef;  ///< log hazard ratios
    Eigen::VectorXd std_err;
    Eigen::VectorXd hazard_ratio;      ///< exp(coef)
    Eigen::VectorXd hr_lower;          ///< exp(coef - z se)
    Eigen::VectorXd hr_upper;          ///< exp(coef + z se)
    Eigen::VectorXd z;                 ///< coef / se (Wald z)
    Eigen::VectorXd p_value;           ///< two-sided, from z
    Eigen::MatrixXd variance;          ///< inverse information at the estimate
    Eigen::VectorXd means;             ///< column means of the covariates
    Eigen::VectorXd linear_predictor;  ///< (x_i - means) . coef, as R's fit$linear.predictors

    double loglik_null = 0.0;  ///< partial log-likelihood at coef = 0
    double loglik = 0.0;       ///< at the estimate
    ChiSquareTest likelihood_ratio;
    ChiSquareTest wald;
    ChiSquareTest score;      ///< score (log-rank) test at coef = 0
    Concordance concordance;  ///< Harrell's C of the linear predictor

    int n = 0;
    int n_events = 0;
    int iterations = 0;
    bool converged = false;  ///< false when max_iterations ran out (R warns in that case)
    TieMethod ties = TieMethod::efron;
};

/// Fits h(t | x) = h0(t) exp(x . coef) by Newton–Raphson with step halving, starting at 0,
/// exactly as R's `coxph(Surv(time, event) ~ X, ties = ...)` does.
///
/// @param time   follow-up in months (>= 0), one per row of `X`.
/// @param event  1 = event, 0 = censored.
/// @param X      covariates, one row per subject and one column per covariate (no intercept).
/// @throws InvalidDataError on mismatched sizes, invalid times or events, non-finite covariates
///         or an empty covariate matrix.
/// @throws ModelFitError when there are no events, a covariate column is constant, the
///         covariates are collinear or the information matrix becomes singular.
[[nodiscard]] CoxFit cox_fit(std::span<const double> time, std::span<const int> event,
                             const Eigen::MatrixXd& X, const CoxOptions& options = {});

/// The same fit with times and events taken from `data` (groups and causes are ignored).
[[nodiscard]] CoxFit cox_fit(const SurvivalData& data, const Eigen::MatrixXd& X,
                             const CoxOptions& options = {});

}  // namespace regiosim::analysis

#include "regiosim/analysis/cox_model.hpp"

#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "cox_partial_likelihood.hpp"
#include "regiosim/analysis/distributions.hpp"
#include "regiosim/analysis/errors.hpp"

namespace regiosim::analysis {

namespace {

// R's coxph uses toler.chol = .Machine$double.eps^0.75 for the pivots of its Cholesky.
const double pivot_tolerance = std::pow(std::numeric_limits<double>::epsilon(), 0.75);

void validate_inputs(std::span<const double> time, std::span<const int> event,
                     const Eigen::MatrixXd& X) {
    const std::size_t n = time.size();
    if (event.size() != n || static_cast<std::size_t>(X.rows()) != n) {
        throw InvalidDataError(
            "the Cox model needs one time, event and covariate row per subject; "
            "got " +
            std::to_string(n) + " times, " + std::to_string(event.size()) + " events and " +
            std::to_string(X.rows()) + " covariate rows");
    }
    if (n == 0) {
        throw InvalidDataError("the Cox model was given no subjects");
    }
    if (X.cols() == 0) {
        throw InvalidDataError("the Cox model was given no covariate columns; pass at least one");
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(time[i]) || time[i] < 0.0) {
            throw InvalidDataError("time[" + std::to_string(i) + "] is " + std::to_string(time[i]) +
                                   "; survival times must be finite and >= 0");
        }
        if (event[i] != 0 && event[i] != 1) {
            throw InvalidDataError("event[" + std::to_string(i) + "] is " +
                                   std::to_string(event[i]) +
                                   "; use 1 for an observed event and 0 for censored");
        }
    }
    if (!X.allFinite()) {
        throw InvalidDataError(
            "the covariate matrix has a missing or infinite value; remove "
            "incomplete rows before fitting");
    }
}

void check_identifiable(const Eigen::MatrixXd& centered) {
    for (Eigen::Index j = 0; j < centered.cols(); ++j) {
        if ((centered.col(j).array() == centered(0, j)).all()) {
            throw ModelFitError("covariate column " + std::to_string(j) +
                                " is constant, so its hazard ratio cannot be estimated; drop the "
                                "column from the model");
        }
    }
    // Scale columns to unit length so the rank decision does not depend on units.
    Eigen::MatrixXd scaled = centered;
    for (Eigen::Index j = 0; j < scaled.cols(); ++j) {
        scaled.col(j) /= scaled.col(j).norm();
    }
    // In place: the matrix has a row per subject, and a second copy of it costs more than the
    // decomposition.
    Eigen::ColPivHouseholderQR<Eigen::Ref<Eigen::MatrixXd>> qr(scaled);
    qr.setThreshold(1e-10);
    if (qr.rank() < scaled.cols()) {
        throw ModelFitError(
            "the covariate columns are collinear (one is a linear combination of "
            "the others), so their effects cannot be separated; drop a column");
    }
}

// The Newton step solves information * step = score. A pivot that is tiny relative to the
// largest means the information is singular: R would silently drop a coefficient; we refuse.
Eigen::VectorXd newton_step(const CoxDerivatives& d) {
    const Eigen::LDLT<Eigen::MatrixXd> ldlt(d.information);
    const Eigen::VectorXd pivots = ldlt.vectorD();
    if (ldlt.info() != Eigen::Success || pivots.minCoeff() <= pivot_tolerance * pivots.maxCoeff()) {
        throw ModelFitError(
            "the Cox information matrix is singular; a covariate may separate the "
            "events completely or have no variation among subjects at risk");
    }
    return ldlt.solve(d.score);
}

}  // namespace

CoxFit cox_fit(std::span<const double> time, std::span<const int> event, const Eigen::MatrixXd& X,
               const CoxOptions& options) {
    validate_inputs(time, event, X);
    require_conf_level(options.conf_level);
    const int n_events = std::accumulate(event.begin(), event.end(), 0);
    if (n_events == 0) {
        throw ModelFitError(
            "there are no events, so a Cox model cannot be fitted; every subject "
            "is censored");
    }
    CoxFit fit;
    fit.n = static_cast<int>(time.size());
    fit.n_events = n_events;
    fit.ties = options.ties;
    fit.means = X.colwise().mean().transpose();
    // Centring changes nothing mathematically but keeps exp(x beta) well scaled, as in R.
    const Eigen::MatrixXd centered = X.rowwise() - fit.means.transpose();
    check_identifiable(centered);
    const CoxRiskSets risk_sets(time, event, centered);

    // Newton-Raphson with step halving, the control flow of R's coxfit6: converged when the
    // log-likelihood changes by a relative tolerance; a step that lowers it is halved.
    const auto p = X.cols();
    Eigen::VectorXd beta = Eigen::VectorXd::Zero(p);
    CoxDerivatives current = risk_sets.derivatives(beta, options.ties);
    fit.loglik_null = current.loglik;
    Eigen::VectorXd step = newton_step(current);
    fit.score = make_chi_square_test(current.score.dot(step), static_cast<int>(p));

    double best_loglik = current.loglik;
    Eigen::VectorXd candidate = beta + step;
    int halving = 0;
    for (int iter = 1; iter <= options.max_iterations; ++iter) {
        CoxDerivatives next = risk_sets.derivatives(candidate, options.ties);
        const bool finite =
            std::isfinite(next.loglik) && next.score.allFinite() && next.information.allFinite();
        fit.iterations = iter;
        if (finite && std::fabs(1.0 - best_loglik / next.loglik) <= options.tolerance) {
            beta = candidate;
            current = std::move(next);
            fit.converged = true;
            break;
        }
        if (!finite || next.loglik < best_loglik) {
            ++halving;
            candidate = (candidate + static_cast<double>(halving) * beta) /
                        (static_cast<double>(halving) + 1.0);
        } else {
            halving = 0;
            best_loglik = next.loglik;
            beta = candidate;
            current = std::move(next);
            candidate = beta + newton_step(current);
        }
    }
    if (!fit.converged) {
        current = risk_sets.derivatives(beta, options.ties);
    }

    fit.coef = beta;
    fit.loglik = current.loglik;
    newton_step(current);  // throws if the final information matrix is singular
    fit.variance = current.information.ldlt().solve(Eigen::MatrixXd::Identity(p, p));
    fit.std_err = fit.variance.diagonal().array().sqrt();
    const double zcrit = normal_critical_value(options.conf_level);
    fit.hazard_ratio = beta.array().exp();
    fit.hr_lower = (beta.array() - zcrit * fit.std_err.array()).exp();
    fit.hr_upper = (beta.array() + zcrit * fit.std_err.array()).exp();
    fit.z = beta.array() / fit.std_err.array();
    fit.p_value = fit.z.unaryExpr([](double z) { return normal_two_sided_p(z); });
    fit.likelihood_ratio =
        make_chi_square_test(2.0 * (fit.loglik - fit.loglik_null), static_cast<int>(p));
    fit.wald = make_chi_square_test(beta.dot(fit.variance.ldlt().solve(beta)), static_cast<int>(p));
    fit.linear_predictor = centered * beta;
    fit.concordance = harrell_concordance(
        time, event,
        std::span<const double>(fit.linear_predictor.data(),
                                static_cast<std::size_t>(fit.linear_predictor.size())));
    return fit;
}

CoxFit cox_fit(const SurvivalData& data, const Eigen::MatrixXd& X, const CoxOptions& options) {
    return cox_fit(std::span<const double>(data.time), std::span<const int>(data.event), X,
                   options);
}

}  // namespace regiosim::analysis

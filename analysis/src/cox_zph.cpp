#include "regiosim/analysis/cox_zph.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "cox_partial_likelihood.hpp"
#include "regiosim/analysis/errors.hpp"
#include "regiosim/analysis/kaplan_meier.hpp"

namespace regiosim::analysis {

namespace {

// g(t) = 1 - KM(t-): the "km" transform of cox.zph, which spreads the event times evenly over
// [0, 1) whatever the censoring pattern. KM(t-) is the curve just before t.
class KmTransform {
  public:
    KmTransform(std::span<const double> time, std::span<const int> event) {
        SurvivalData data;
        data.time.assign(time.begin(), time.end());
        data.event.assign(event.begin(), event.end());
        km_ = kaplan_meier(data);
    }

    [[nodiscard]] double operator()(double t) const {
        const auto rows = static_cast<std::size_t>(
            std::lower_bound(km_.time.begin(), km_.time.end(), t) - km_.time.begin());
        return 1.0 - (rows == 0 ? 1.0 : km_.surv[rows - 1]);
    }

  private:
    KaplanMeier km_;
};

ChiSquareTest score_test(const Eigen::VectorXd& u, const Eigen::MatrixXd& information, int df) {
    const Eigen::FullPivLU<Eigen::MatrixXd> lu(information);
    if (!lu.isInvertible()) {
        throw ModelFitError(
            "the information matrix of the proportional-hazards test is singular; "
            "a covariate may not vary over time among the subjects at risk");
    }
    return make_chi_square_test(u.dot(lu.solve(u)), df);
}

}  // namespace

// A score test, at the fitted coefficients, for adding x * g(t) to the model: the same risk-set
// sums as the Cox fit, with the extra block weighted by the centred g at each event time
// (as R's C routine zph1).
ProportionalHazardsTest cox_zph(const CoxFit& fit, std::span<const double> time,
                                std::span<const int> event, const Eigen::MatrixXd& X) {
    const auto p = fit.coef.size();
    if (time.size() != event.size() || static_cast<std::size_t>(X.rows()) != time.size() ||
        X.cols() != p || fit.means.size() != p) {
        throw InvalidDataError(
            "cox_zph needs the data the model was fitted to: " + std::to_string(p) +
            " covariate columns and one time, event and " + "row per subject");
    }
    const KmTransform g_at(time, event);
    double g_event_sum = 0.0;
    int events = 0;
    for (std::size_t i = 0; i < time.size(); ++i) {
        if (event[i] == 1) {
            g_event_sum += g_at(time[i]);
            ++events;
        }
    }
    if (events == 0) {
        throw InvalidDataError(
            "cox_zph was given data without events; pass the data the model "
            "was fitted to");
    }
    const double g_mean = g_event_sum / static_cast<double>(events);

    const Eigen::MatrixXd centered = X.rowwise() - fit.means.transpose();
    Eigen::VectorXd u = Eigen::VectorXd::Zero(2 * p);
    Eigen::MatrixXd info = Eigen::MatrixXd::Zero(2 * p, 2 * p);
    const CoxRiskSets risk_sets(time, event, centered);
    risk_sets.for_each_event_time(fit.coef, fit.ties, [&](const EventTime& at) {
        const double weight = g_at(at.time) - g_mean;
        u.tail(p) += weight * (at.death_x_sum - at.mean_sum);
        info.topLeftCorner(p, p) += at.spread_sum;
        info.topRightCorner(p, p) += weight * at.spread_sum;
        info.bottomRightCorner(p, p) += weight * weight * at.spread_sum;
    });
    info.bottomLeftCorner(p, p) = info.topRightCorner(p, p).transpose();

    // The first block of the score is zero at the maximum, as R assumes.
    ProportionalHazardsTest out;
    for (Eigen::Index j = 0; j < p; ++j) {
        std::vector<Eigen::Index> keep(static_cast<std::size_t>(p));
        for (Eigen::Index k = 0; k < p; ++k) {
            keep[static_cast<std::size_t>(k)] = k;
        }
        keep.push_back(p + j);
        const auto m = static_cast<Eigen::Index>(keep.size());
        Eigen::VectorXd u_sub = Eigen::VectorXd::Zero(m);
        u_sub(m - 1) = u(p + j);
        Eigen::MatrixXd info_sub(m, m);
        for (Eigen::Index a = 0; a < m; ++a) {
            for (Eigen::Index b = 0; b < m; ++b) {
                info_sub(a, b) =
                    info(keep[static_cast<std::size_t>(a)], keep[static_cast<std::size_t>(b)]);
            }
        }
        out.covariates.push_back(score_test(u_sub, info_sub, 1));
    }
    out.global = score_test(u, info, static_cast<int>(p));
    return out;
}

}  // namespace regiosim::analysis

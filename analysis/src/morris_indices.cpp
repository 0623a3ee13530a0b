#include "regiosim/analysis/morris_indices.hpp"

#include <algorithm>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <cmath>
#include <limits>
#include <string>

#include "regiosim/analysis/distributions.hpp"
#include "regiosim/analysis/errors.hpp"
#include "regiosim/analysis/sample_quantile.hpp"

namespace regiosim::analysis {

namespace {

void require_valid_options(const MorrisIndicesOptions& options) {
    if (options.bootstrap_resamples < 0) {
        throw InvalidDataError("bootstrap_resamples is " +
                               std::to_string(options.bootstrap_resamples) + "; it must be >= 0");
    }
    require_conf_level(options.conf_level);
}

void require_factor(int factor, int factors, const std::string& where) {
    if (factor < 0 || factor >= factors) {
        throw InvalidDataError(where + " is factor " + std::to_string(factor) +
                               "; factors are numbered 0 to " + std::to_string(factors - 1));
    }
}

double mean_absolute(const std::vector<double>& values) {
    double sum = 0.0;
    for (const double v : values) {
        sum += std::abs(v);
    }
    return sum / static_cast<double>(values.size());
}

}  // namespace

MorrisIndices morris_indices_from_effects(std::span<const double> effect,
                                          std::span<const int> factor_of_effect, int factors,
                                          const MorrisIndicesOptions& options) {
    require_valid_options(options);
    if (factors < 1) {
        throw InvalidDataError("Morris measures need at least one factor, got " +
                               std::to_string(factors));
    }
    if (effect.size() != factor_of_effect.size()) {
        throw InvalidDataError("Morris measures given " + std::to_string(effect.size()) +
                               " effects and " + std::to_string(factor_of_effect.size()) +
                               " factor labels; they must pair up one to one");
    }
    const auto k = static_cast<std::size_t>(factors);
    std::vector<std::vector<double>> by_factor(k);
    for (std::size_t e = 0; e < effect.size(); ++e) {
        require_factor(factor_of_effect[e], factors, "effect " + std::to_string(e));
        if (!std::isfinite(effect[e])) {
            throw InvalidDataError("elementary effect " + std::to_string(e) +
                                   " is not finite; every run needs a finite output");
        }
        by_factor[static_cast<std::size_t>(factor_of_effect[e])].push_back(effect[e]);
    }

    const double nan = std::numeric_limits<double>::quiet_NaN();
    MorrisIndices out;
    out.mu = Eigen::VectorXd::Constant(factors, nan);
    out.mu_star = Eigen::VectorXd::Constant(factors, nan);
    out.sigma = Eigen::VectorXd::Constant(factors, nan);
    out.mu_star_lower = Eigen::VectorXd::Constant(factors, nan);
    out.mu_star_upper = Eigen::VectorXd::Constant(factors, nan);
    out.effects.assign(k, 0);
    boost::random::mt19937_64 engine(options.seed);
    std::vector<double> resample;
    std::vector<double> resampled_mu_star;
    for (std::size_t i = 0; i < k; ++i) {
        const std::vector<double>& ee = by_factor[i];
        const auto ii = static_cast<Eigen::Index>(i);
        out.effects[i] = static_cast<int>(ee.size());
        if (ee.empty()) {
            continue;
        }
        const auto n = static_cast<double>(ee.size());
        double sum = 0.0;
        for (const double v : ee) {
            sum += v;
        }
        const double mu = sum / n;
        out.mu(ii) = mu;
        out.mu_star(ii) = mean_absolute(ee);
        if (ee.size() >= 2) {
            double squares = 0.0;
            for (const double v : ee) {
                squares += (v - mu) * (v - mu);
            }
            out.sigma(ii) = std::sqrt(squares / (n - 1.0));
        }
        if (options.bootstrap_resamples > 0) {
            boost::random::uniform_int_distribution<std::size_t> pick(0, ee.size() - 1);
            resample.resize(ee.size());
            resampled_mu_star.clear();
            for (int b = 0; b < options.bootstrap_resamples; ++b) {
                for (double& v : resample) {
                    v = ee[pick(engine)];
                }
                resampled_mu_star.push_back(mean_absolute(resample));
            }
            std::sort(resampled_mu_star.begin(), resampled_mu_star.end());
            const double tail = (1.0 - options.conf_level) / 2.0;
            out.mu_star_lower(ii) = quantile_type7(resampled_mu_star, tail);
            out.mu_star_upper(ii) = quantile_type7(resampled_mu_star, 1.0 - tail);
        }
    }
    return out;
}

MorrisIndices morris_indices(const Eigen::VectorXd& outputs, std::span<const int> step_factor,
                             std::span<const double> step_delta, int factors,
                             const MorrisIndicesOptions& options) {
    if (factors < 1) {
        throw InvalidDataError("Morris measures need at least one factor, got " +
                               std::to_string(factors));
    }
    const Eigen::Index points_per_trajectory = factors + 1;
    const Eigen::Index trajectories = outputs.size() / points_per_trajectory;
    const auto steps = static_cast<std::size_t>(trajectories) * static_cast<std::size_t>(factors);
    if (outputs.size() == 0 || outputs.size() % points_per_trajectory != 0 ||
        step_factor.size() != steps || step_delta.size() != steps) {
        throw InvalidDataError(
            "Morris measures given " + std::to_string(outputs.size()) + " outputs, " +
            std::to_string(step_factor.size()) + " step factors and " +
            std::to_string(step_delta.size()) + " step deltas for " + std::to_string(factors) +
            " factors; expected r (k + 1) outputs and r k steps for r trajectories");
    }
    if (!outputs.allFinite()) {
        throw InvalidDataError(
            "Morris measures given a model output that is NaN or infinite; "
            "every run of the design needs a finite output");
    }
    std::vector<double> effect(steps);
    for (std::size_t s = 0; s < steps; ++s) {
        if (!std::isfinite(step_delta[s]) || step_delta[s] == 0.0) {
            throw InvalidDataError("step " + std::to_string(s) + " has delta " +
                                   std::to_string(step_delta[s]) +
                                   "; a Morris step must move its factor by a finite non-zero "
                                   "amount");
        }
        const auto k = static_cast<std::size_t>(factors);
        const auto before = static_cast<Eigen::Index>((s / k) * (k + 1) + s % k);
        effect[s] = (outputs(before + 1) - outputs(before)) / step_delta[s];
    }
    return morris_indices_from_effects(effect, step_factor, factors, options);
}

}  // namespace regiosim::analysis

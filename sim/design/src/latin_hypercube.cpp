#include "regiosim/design/latin_hypercube.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "design_random.hpp"
#include "regiosim/design/design_error.hpp"

namespace regiosim::design {

using detail::DesignDraw;

Eigen::MatrixXd latin_hypercube(int n, int k, std::uint64_t seed, StratumPosition position) {
    if (n < 1 || k < 1) {
        throw DesignError("a Latin hypercube was asked for " + std::to_string(n) + " points and " +
                          std::to_string(k) + " factors; both must be >= 1");
    }
    const detail::DesignRandom random(seed);
    Eigen::MatrixXd points(n, k);
    for (int j = 0; j < k; ++j) {
        const auto column = static_cast<std::uint32_t>(j);
        const std::vector<int> stratum = random.permutation(n, DesignDraw::lhs_permutation, column);
        for (int i = 0; i < n; ++i) {
            const double offset =
                position == StratumPosition::centred
                    ? 0.5
                    : random.uniform(DesignDraw::lhs_jitter, column, static_cast<std::uint32_t>(i));
            const auto s = static_cast<double>(stratum[static_cast<std::size_t>(i)]);
            // Rounding of (s + offset) / n must not carry a point into the next stratum.
            const double top = std::nextafter((s + 1.0) / n, 0.0);
            points(i, j) = std::min((s + offset) / n, top);
        }
    }
    return points;
}

}  // namespace regiosim::design

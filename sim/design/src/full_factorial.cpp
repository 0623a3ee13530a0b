#include "regiosim/design/full_factorial.hpp"

#include <limits>
#include <string>

#include "regiosim/design/design_error.hpp"

namespace regiosim::design {

Eigen::MatrixXd full_factorial(const std::vector<int>& levels) {
    if (levels.empty()) {
        throw DesignError("a full factorial design needs at least one factor");
    }
    long long rows = 1;
    for (std::size_t j = 0; j < levels.size(); ++j) {
        if (levels[j] < 2) {
            throw DesignError("factor " + std::to_string(j) + " of a full factorial design has " +
                              std::to_string(levels[j]) + " levels; each factor needs >= 2");
        }
        rows *= levels[j];
        if (rows > std::numeric_limits<int>::max()) {
            throw DesignError("a full factorial design over " + std::to_string(levels.size()) +
                              " factors has more than 2^31 points; use fewer levels or a "
                              "Latin hypercube");
        }
    }
    const auto n_factors = static_cast<Eigen::Index>(levels.size());
    Eigen::MatrixXd points(static_cast<Eigen::Index>(rows), n_factors);
    // Walk the combinations like an odometer whose last wheel turns fastest.
    std::vector<int> level(levels.size(), 0);
    for (Eigen::Index r = 0; r < points.rows(); ++r) {
        for (Eigen::Index j = 0; j < n_factors; ++j) {
            const auto sj = static_cast<std::size_t>(j);
            points(r, j) = static_cast<double>(level[sj]) / static_cast<double>(levels[sj] - 1);
        }
        for (std::size_t j = levels.size(); j-- > 0;) {
            if (++level[j] < levels[j]) {
                break;
            }
            level[j] = 0;
        }
    }
    return points;
}

}  // namespace regiosim::design

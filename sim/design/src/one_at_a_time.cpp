#include "regiosim/design/one_at_a_time.hpp"

#include <string>

#include "regiosim/design/design_error.hpp"

namespace regiosim::design {

OneAtATimeDesign one_at_a_time(const Eigen::VectorXd& base, int levels) {
    if (base.size() == 0) {
        throw DesignError("a one-at-a-time design needs a base point with at least one factor");
    }
    for (Eigen::Index i = 0; i < base.size(); ++i) {
        if (!(base(i) >= 0.0 && base(i) <= 1.0)) {
            throw DesignError("base value of factor " + std::to_string(i) + " is " +
                              std::to_string(base(i)) + "; unit values must lie in [0, 1]");
        }
    }
    if (levels < 2) {
        throw DesignError("a one-at-a-time design was asked for " + std::to_string(levels) +
                          " levels per factor; it needs >= 2");
    }
    const Eigen::Index k = base.size();
    OneAtATimeDesign design;
    design.levels = levels;
    design.points.resize(1 + k * levels, k);
    design.moved_factor.reserve(static_cast<std::size_t>(1 + k * levels));
    design.points.row(0) = base.transpose();
    design.moved_factor.push_back(-1);
    Eigen::Index row = 1;
    for (Eigen::Index i = 0; i < k; ++i) {
        for (int l = 0; l < levels; ++l) {
            design.points.row(row) = base.transpose();
            design.points(row, i) = static_cast<double>(l) / static_cast<double>(levels - 1);
            design.moved_factor.push_back(static_cast<int>(i));
            ++row;
        }
    }
    return design;
}

}  // namespace regiosim::design

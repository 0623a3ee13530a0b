#include "regiosim/design/saltelli_design.hpp"

#include <boost/random/sobol.hpp>
#include <cstdint>
#include <limits>
#include <string>

#include "regiosim/design/design_error.hpp"

namespace regiosim::design {

namespace {

// 32-bit points: exact in a double, strictly below 1, and enough for 2^32 - 1 points.
using SobolEngine = boost::random::sobol_engine<std::uint32_t, 32>;
constexpr double two_pow_minus_32 = 1.0 / 4294967296.0;

void require_factors(int factors) {
    if (factors < 1) {
        throw DesignError("a Saltelli design needs at least one factor, got " +
                          std::to_string(factors));
    }
}

}  // namespace

SaltelliDesign saltelli_design(int base_size, int factors) {
    require_factors(factors);
    if (base_size < 1) {
        throw DesignError("a Saltelli design needs a base size N >= 1, got " +
                          std::to_string(base_size));
    }
    const auto dimensions = static_cast<unsigned>(2 * factors);
    if (dimensions > boost::random::default_sobol_table::max_dimension) {
        throw DesignError("a Saltelli design over " + std::to_string(factors) +
                          " factors needs a " + std::to_string(dimensions) +
                          "-dimensional Sobol sequence; at most " +
                          std::to_string(boost::random::default_sobol_table::max_dimension / 2) +
                          " factors are possible");
    }
    const long long runs = static_cast<long long>(base_size) * (factors + 2);
    if (runs > std::numeric_limits<int>::max()) {
        throw DesignError("a Saltelli design with N = " + std::to_string(base_size) + " and " +
                          std::to_string(factors) + " factors has more than 2^31 runs");
    }

    SaltelliDesign design;
    design.base_size = base_size;
    design.factors = factors;
    design.a.resize(base_size, factors);
    design.b.resize(base_size, factors);
    SobolEngine sobol(dimensions);
    for (int j = 0; j < base_size; ++j) {
        // The engine returns one coordinate per call, a point's coordinates in turn.
        for (int i = 0; i < factors; ++i) {
            design.a(j, i) = static_cast<double>(sobol()) * two_pow_minus_32;
        }
        for (int i = 0; i < factors; ++i) {
            design.b(j, i) = static_cast<double>(sobol()) * two_pow_minus_32;
        }
    }

    const int block = factors + 2;
    design.points.resize(static_cast<Eigen::Index>(runs), factors);
    for (int j = 0; j < base_size; ++j) {
        const int first = j * block;
        design.points.row(first) = design.a.row(j);
        design.points.row(first + 1) = design.b.row(j);
        for (int i = 0; i < factors; ++i) {
            design.points.row(first + 2 + i) = design.a.row(j);
            design.points(first + 2 + i, i) = design.b(j, i);
        }
    }
    return design;
}

SaltelliPoint saltelli_point(int point_index, int factors) {
    require_factors(factors);
    if (point_index < 0) {
        throw DesignError("design point index " + std::to_string(point_index) +
                          " is negative; indices start at 0");
    }
    const int block = factors + 2;
    const int offset = point_index % block;
    SaltelliPoint point;
    point.base_row = point_index / block;
    if (offset == 0) {
        point.block = SaltelliBlock::a;
    } else if (offset == 1) {
        point.block = SaltelliBlock::b;
    } else {
        point.block = SaltelliBlock::ab;
        point.factor = offset - 2;
    }
    return point;
}

int saltelli_row(SaltelliBlock block, int base_row, int factor, int factors) {
    require_factors(factors);
    if (base_row < 0) {
        throw DesignError("base row " + std::to_string(base_row) + " is negative");
    }
    const int first = base_row * (factors + 2);
    switch (block) {
        case SaltelliBlock::a:
            return first;
        case SaltelliBlock::b:
            return first + 1;
        case SaltelliBlock::ab:
            break;
    }
    if (factor < 0 || factor >= factors) {
        throw DesignError("AB block of factor " + std::to_string(factor) +
                          " requested in a design over " + std::to_string(factors) +
                          " factors; factors are numbered 0 to k-1");
    }
    return first + 2 + factor;
}

SaltelliOutputs split_saltelli_outputs(const Eigen::VectorXd& outputs, int factors) {
    require_factors(factors);
    const Eigen::Index block = factors + 2;
    if (outputs.size() == 0 || outputs.size() % block != 0) {
        throw DesignError(std::to_string(outputs.size()) +
                          " outputs cannot come from a Saltelli design over " +
                          std::to_string(factors) + " factors; expected a positive multiple of " +
                          std::to_string(block) + " (k + 2)");
    }
    const Eigen::Index n = outputs.size() / block;
    SaltelliOutputs split;
    split.a.resize(n);
    split.b.resize(n);
    split.ab.resize(n, factors);
    for (Eigen::Index j = 0; j < n; ++j) {
        split.a(j) = outputs(j * block);
        split.b(j) = outputs(j * block + 1);
        for (Eigen::Index i = 0; i < factors; ++i) {
            split.ab(j, i) = outputs(j * block + 2 + i);
        }
    }
    return split;
}

}  // namespace regiosim::design

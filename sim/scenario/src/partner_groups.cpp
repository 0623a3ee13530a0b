#include "regiosim/scenario/partner_groups.hpp"

#include <cmath>

namespace regiosim {

namespace {
// Shares are checked to sum to 1 within 1e-9; the same tolerance keeps count × share from
// flooring to one less than an integer it only misses by rounding (0.7 × 120 = 83.99…).
constexpr double tolerance = 1e-9;
}  // namespace

std::array<int, style_names.size()> apportion_styles(int count, const StyleShares& shares) {
    std::array<int, style_names.size()> seats{};
    std::array<double, style_names.size()> remainders{};
    int given = 0;
    for (std::size_t i = 0; i < shares.size(); ++i) {
        if (!(shares[i] > 0.0)) {
            remainders[i] = -1.0;  // never gets a seat
            continue;
        }
        const double quota = static_cast<double>(count) * shares[i];
        const double whole = std::floor(quota + tolerance);
        seats[i] = static_cast<int>(whole);
        remainders[i] = quota - whole;
        given += seats[i];
    }
    for (int left = count - given; left > 0; --left) {
        std::size_t best = shares.size();
        for (std::size_t i = 0; i < shares.size(); ++i) {
            if (remainders[i] < 0.0 && !(shares[i] > 0.0)) {
                continue;
            }
            if (best == shares.size() || remainders[i] > remainders[best] + tolerance) {
                best = i;
            }
        }
        if (best == shares.size()) {
            break;  // only when no share is positive; the loader rejects that
        }
        ++seats[best];
        remainders[best] = -1.0;  // one extra seat per style at most
    }
    return seats;
}

}  // namespace regiosim

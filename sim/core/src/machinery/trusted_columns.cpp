#include <algorithm>

#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

const TrustedColumn* list_trusted_columns(SimulationState& s) {
    const auto& a = s.partners;
    if (s.trusted_at != s.active_changes) {
        s.trusted_at = s.active_changes;
        const auto stride = static_cast<std::uint32_t>(s.trust.stride());
        const std::size_t n = a.size();
        std::uint32_t count = 0;
        for (std::size_t j = 0; j < n; ++j) {
            const auto column = static_cast<std::uint32_t>(j);
            s.trusted_from[j] = count;
            s.trusted[count] = TrustedColumn{column, column * stride, s.lanes.sector[j] > 0.0F};
            count += a.active[j] != 0.0F ? 1 : 0;
        }
        std::fill(s.trusted_from.begin() + static_cast<std::ptrdiff_t>(n), s.trusted_from.end(),
                  count);
        s.trusted_count = count;
    }
    return s.trusted.data();
}

}  // namespace regiosim::model

#include "regiosim/analyze/arm_samples.hpp"

namespace regiosim {

analysis::ArmSample arm_sample_of(const ArmOutcomes& o) {
    analysis::ArmSample s;
    s.name = o.arm;
    for (std::size_t r = 0; r < o.size(); ++r) {
        s.months.push_back(o.months_survived[r]);
        s.ended.push_back(o.ended[r]);
        s.cause.push_back(static_cast<int>(o.cause[r]));
        s.month_self_sustaining.push_back(o.month_self_sustaining[r]);
        s.total_cost.push_back(o.total_cost[r]);
    }
    return s;
}

}  // namespace regiosim

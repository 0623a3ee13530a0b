#include "regiosim/core/scenario.hpp"

namespace regiosim {

const Arm* Scenario::find_arm(std::string_view arm_name) const noexcept {
    for (const auto& arm : arms) {
        if (arm.name == arm_name) {
            return &arm;
        }
    }
    return nullptr;
}

int Scenario::partner_index(std::string_view partner_name) const noexcept {
    for (std::size_t i = 0; i < partners.size(); ++i) {
        if (partners[i].name == partner_name) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

bool operator==(const ModelParameters& a, const ModelParameters& b) noexcept {
    for (const auto& info : parameter_table()) {
        if (a.*info.field != b.*info.field) {
            return false;
        }
    }
    return true;
}

bool operator==(const Scenario& a, const Scenario& b) noexcept {
    return a.name == b.name && a.description == b.description &&
           a.horizon_months == b.horizon_months && a.seed == b.seed &&
           a.replications == b.replications && a.model == b.model && a.context == b.context &&
           a.partners == b.partners && a.funding == b.funding &&
           a.interventions == b.interventions && a.arms == b.arms;
}

}  // namespace regiosim

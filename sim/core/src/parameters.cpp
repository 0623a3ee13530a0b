#include "regiosim/core/parameters.hpp"

#include <array>

namespace regiosim {

namespace {

constexpr std::array table = {
#define X(group, name, default_value, unit, min, max, meaning, source)               \
    ParameterInfo{#group "." #name, #group, #name, &ModelParameters::group##_##name, \
                  default_value,    min,    max,   unit,                             \
                  meaning,          source},
#include "regiosim/core/parameters.def"
#undef X
};

}  // namespace

std::span<const ParameterInfo> parameter_table() noexcept {
    return table;
}

const ParameterInfo* find_parameter(std::string_view key) noexcept {
    for (const auto& info : table) {
        if (info.key == key) {
            return &info;
        }
    }
    return nullptr;
}

}  // namespace regiosim

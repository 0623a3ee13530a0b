#pragma once

#include <span>
#include <string_view>

namespace regiosim {

/// Every numeric constant of the model, with its default. The list lives in parameters.def so
/// that the struct, the lookup table (scenario keys `model.<group>.<name>`, sweep factors) and
/// the ODD's parameter table all come from one place.
struct ModelParameters {
#define X(group, name, default_value, unit, min, max, meaning, source) \
    double group##_##name = default_value;
#include "regiosim/core/parameters.def"
#undef X
};

/// Documentation and bounds of one parameter.
struct ParameterInfo {
    std::string_view key;  ///< "group.name", as written under [model] in a scenario
    std::string_view group;
    std::string_view name;
    double ModelParameters::*field;
    double default_value;
    double min;
    double max;
    std::string_view unit;
    std::string_view meaning;
    std::string_view source;
};

/// All parameters in declaration order.
[[nodiscard]] std::span<const ParameterInfo> parameter_table() noexcept;

/// The parameter with this key ("trust.build_rate"), or nullptr.
[[nodiscard]] const ParameterInfo* find_parameter(std::string_view key) noexcept;

}  // namespace regiosim

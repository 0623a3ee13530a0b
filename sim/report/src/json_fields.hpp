#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace regiosim::report {

// The analysis document marks unknown values with null or leaves them out; the report shows
// both as "not known" instead of failing, so these accessors never throw.

/// `object[key]`, or null when `object` is not an object or has no such key.
[[nodiscard]] inline const nlohmann::json& field(const nlohmann::json& object,
                                                 std::string_view key) {
    static const nlohmann::json absent;
    if (!object.is_object()) {
        return absent;
    }
    const auto it = object.find(key);
    return it == object.end() ? absent : *it;
}

/// `object[key]` when it is an array, else an empty array.
[[nodiscard]] inline const nlohmann::json& array_field(const nlohmann::json& object,
                                                       std::string_view key) {
    static const nlohmann::json empty = nlohmann::json::array();
    const auto& value = field(object, key);
    return value.is_array() ? value : empty;
}

/// `object[key]` when it is a string, else `fallback`.
[[nodiscard]] inline std::string text_field(const nlohmann::json& object, std::string_view key,
                                            std::string_view fallback = "") {
    const auto& value = field(object, key);
    return value.is_string() ? value.get<std::string>() : std::string(fallback);
}

/// The name of an arm of the analysis ("arm"; "name" in drafts of the layout).
[[nodiscard]] inline std::string arm_name(const nlohmann::json& arm) {
    return text_field(arm, "arm", text_field(arm, "name", "?"));
}

}  // namespace regiosim::report

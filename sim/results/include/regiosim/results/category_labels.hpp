#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace regiosim {

/// The label list of a categorical column (`cause`, `phase`, `intervention`, `event`): entry i
/// names code i. Arm labels come from the experiment. Empty for an unknown list name.
[[nodiscard]] std::vector<std::string> category_labels(std::string_view list);

/// The name of an EventKind code, as in the results file's `event` label list.
[[nodiscard]] std::string_view event_kind_label(int code) noexcept;

}  // namespace regiosim

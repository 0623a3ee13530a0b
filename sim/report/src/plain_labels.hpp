#pragma once

#include <string>
#include <string_view>

namespace regiosim::report {

/// An end cause ("drift", "partner_exodus", …; docs/ODD.md §8.1) in words a policymaker uses;
/// an unknown cause is shown with its underscores as spaces. Not escaped.
[[nodiscard]] std::string cause_label(std::string_view cause);

/// A fan-chart variable ("mean_trust", …) as a heading with its scale. Not escaped.
[[nodiscard]] std::string variable_label(std::string_view variable);

}  // namespace regiosim::report

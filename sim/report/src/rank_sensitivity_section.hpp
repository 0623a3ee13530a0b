#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace regiosim::report {

/// The body of the sensitivity section for a "prcc" sensitivity object (Latin hypercube and
/// full factorial designs): the partial rank correlations per arm, strongest first, and the
/// main-effects table when there is one. Escaped HTML, without the section element.
[[nodiscard]] std::string prcc_tables(const nlohmann::json& sensitivity);

}  // namespace regiosim::report

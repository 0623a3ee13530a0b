#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace regiosim::report {

/// How an estimate of the analysis is shown to a reader.
enum class Scale {
    percent,            ///< a share 0–1 as "72 %"
    years,              ///< a duration in years, one decimal
    years_from_months,  ///< a duration in months as years, one decimal
    ratio,              ///< a hazard ratio, two decimals
};

/// `object[key]` when it is a finite number; nullopt when absent, null or anything else.
[[nodiscard]] std::optional<double> number_in(const nlohmann::json& object, std::string_view key);

/// One number on `scale`, without its confidence interval; an em dash when absent.
[[nodiscard]] std::string scaled_text(std::optional<double> value, Scale scale);

/// An estimate {"estimate", "lower", "upper"} as "72 % (68–76 %)" or "8.3 (7.5–9.1)": the
/// estimate, then its 95 % CI when both bounds are known. An em dash when there is no estimate.
[[nodiscard]] std::string estimate_text(const nlohmann::json& estimate, Scale scale);

/// Only the 95 % CI of `estimate`, as "(68–76 %)"; empty when a bound is unknown.
[[nodiscard]] std::string interval_text(const nlohmann::json& estimate, Scale scale);

/// Thousands of euros, whole numbers with thin-space digit groups ("12 345"); one decimal
/// below 100 so small amounts are not rounded away. An em dash when absent.
[[nodiscard]] std::string keur_text(std::optional<double> keur);

}  // namespace regiosim::report

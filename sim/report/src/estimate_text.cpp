#include "estimate_text.hpp"

#include <fmt/format.h>

#include <cmath>

namespace regiosim::report {

namespace {

constexpr const char* em_dash = "\u2014";
constexpr const char* en_dash = "\u2013";
constexpr const char* thin_space = "\u2009";

std::string bare_number(double value, Scale scale) {
    switch (scale) {
        case Scale::percent:
            return fmt::format("{:.0f}", value * 100.0);
        case Scale::years:
            return fmt::format("{:.1f}", value);
        case Scale::years_from_months:
            return fmt::format("{:.1f}", value / 12.0);
        case Scale::ratio:
            return fmt::format("{:.2f}", value);
    }
    return fmt::format("{}", value);
}

std::string unit_suffix(Scale scale) {
    return scale == Scale::percent ? " %" : "";
}

}  // namespace

std::optional<double> number_in(const nlohmann::json& object, std::string_view key) {
    if (!object.is_object()) {
        return std::nullopt;
    }
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number()) {
        return std::nullopt;
    }
    const double value = it->get<double>();
    return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

std::string scaled_text(std::optional<double> value, Scale scale) {
    return value ? bare_number(*value, scale) + unit_suffix(scale) : em_dash;
}

std::string estimate_text(const nlohmann::json& estimate, Scale scale) {
    const auto point = number_in(estimate, "estimate");
    if (!point) {
        return em_dash;
    }
    const auto interval = interval_text(estimate, scale);
    return scaled_text(point, scale) + (interval.empty() ? "" : " " + interval);
}

std::string interval_text(const nlohmann::json& estimate, Scale scale) {
    const auto lower = number_in(estimate, "lower");
    const auto upper = number_in(estimate, "upper");
    if (!lower || !upper) {
        return "";
    }
    return fmt::format("({}{}{}{})", bare_number(*lower, scale), en_dash,
                       bare_number(*upper, scale), unit_suffix(scale));
}

std::string keur_text(std::optional<double> keur) {
    if (!keur) {
        return em_dash;
    }
    if (std::abs(*keur) < 100.0) {
        return fmt::format("{:.1f}", *keur);
    }
    const std::string digits = fmt::format("{:.0f}", std::abs(*keur));
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            grouped += thin_space;
        }
        grouped += digits[i];
    }
    return (*keur < 0 ? "\u2212" : "") + grouped;
}

}  // namespace regiosim::report

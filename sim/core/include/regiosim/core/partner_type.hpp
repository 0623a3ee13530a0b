#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "regiosim/core/enum_names.hpp"

namespace regiosim {

/// Kinds of organisation in a regional collaboration (MODEL_BRIEF §2).
enum class PartnerType : unsigned char {
    vo_school,     ///< secondary school site (havo/vwo or mixed)
    vmbo_school,   ///< pre-vocational secondary school
    mbo,           ///< vocational college (ROC)
    hbo,           ///< university of applied sciences
    municipality,  ///< gemeente
    province,      ///< provincie
    company,       ///< company or placement provider in business
    welfare,       ///< welfare or volunteer organisation, placement provider
    broker,        ///< makelaar / intermediary organisation
    youth_care,    ///< jeugdhulp
};

inline constexpr std::array<std::string_view, 10> partner_type_names = {
    "vo_school", "vmbo_school", "mbo",     "hbo",    "municipality",
    "province",  "company",     "welfare", "broker", "youth_care"};

[[nodiscard]] constexpr std::string_view to_string(PartnerType t) noexcept {
    return partner_type_names[static_cast<std::size_t>(t)];
}

[[nodiscard]] constexpr std::optional<PartnerType> parse_partner_type(
    std::string_view name) noexcept {
    return parse_enum<PartnerType>(partner_type_names, name);
}

/// Schools funded per pupil compete with schools of their own sector (seed 001).
[[nodiscard]] constexpr int school_sector(PartnerType t) noexcept {
    switch (t) {
        case PartnerType::vo_school:
        case PartnerType::vmbo_school:
            return 1;
        case PartnerType::mbo:
            return 2;
        case PartnerType::hbo:
            return 3;
        default:
            return 0;
    }
}

}  // namespace regiosim

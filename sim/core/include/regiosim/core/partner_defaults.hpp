#pragma once

#include "regiosim/core/parameters.hpp"
#include "regiosim/core/partner_type.hpp"
#include "regiosim/core/style.hpp"

namespace regiosim {

/// Starting values for partner attributes a scenario leaves out; the defaults live in the
/// `initial.*` parameters so a scenario can change them for all partners at once.
[[nodiscard]] double default_alignment(Style style, const ModelParameters& p) noexcept;
[[nodiscard]] double default_commitment(Style style, const ModelParameters& p) noexcept;
[[nodiscard]] double default_capacity(PartnerType type, const ModelParameters& p) noexcept;

}  // namespace regiosim

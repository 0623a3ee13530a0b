#pragma once

// Which intervention keys belong to which kinds. The loader rejects a kind-specific key on
// another kind; the writer writes exactly the keys of each intervention's kind.

#include <array>
#include <string>
#include <string_view>

#include "regiosim/core/intervention.hpp"

namespace regiosim::detail {

[[nodiscard]] constexpr unsigned kind_bit(InterventionKind kind) noexcept {
    return 1U << static_cast<unsigned>(kind);
}

struct KindSpecificKey {
    std::string_view key;
    unsigned kinds;  ///< kind_bit of every kind it applies to
};

/// Keys every intervention may have, in the order the writer uses.
inline constexpr std::array<std::string_view, 7> common_intervention_keys = {
    "name", "kind", "start_month", "duration_months", "yearly_cost", "one_off_cost", "trigger"};

inline constexpr std::array<KindSpecificKey, 9> kind_specific_keys = {{
    {"term_months", kind_bit(InterventionKind::covenant)},
    {"renew", kind_bit(InterventionKind::covenant)},
    {"meetings_per_year",
     kind_bit(InterventionKind::coordinator) | kind_bit(InterventionKind::meetings)},
    {"intensity", kind_bit(InterventionKind::coordinator)},
    {"leader", kind_bit(InterventionKind::execution_team)},
    {"members", kind_bit(InterventionKind::execution_team)},
    {"team_size", kind_bit(InterventionKind::execution_team)},
    {"funded_by",
     kind_bit(InterventionKind::coordinator) | kind_bit(InterventionKind::execution_team)},
    {"level", kind_bit(InterventionKind::stable_funding)},
}};

[[nodiscard]] constexpr bool applies_to(const KindSpecificKey& key,
                                        InterventionKind kind) noexcept {
    return (key.kinds & kind_bit(kind)) != 0;
}

/// "kind coordinator" or "kinds coordinator and meetings".
[[nodiscard]] inline std::string kinds_text(unsigned kinds) {
    std::string names;
    int count = 0;
    for (std::size_t i = 0; i < intervention_kind_names.size(); ++i) {
        if ((kinds & (1U << i)) != 0) {
            names += count == 0 ? "" : " and ";
            names += intervention_kind_names[i];
            ++count;
        }
    }
    return (count == 1 ? "kind " : "kinds ") + names;
}

/// Every key valid for `kind`, comma separated.
[[nodiscard]] inline std::string keys_of_kind(InterventionKind kind) {
    std::string out;
    for (const auto key : common_intervention_keys) {
        out += out.empty() ? "" : ", ";
        out += key;
    }
    for (const auto& key : kind_specific_keys) {
        if (applies_to(key, kind)) {
            out += ", ";
            out += key.key;
        }
    }
    return out;
}

}  // namespace regiosim::detail

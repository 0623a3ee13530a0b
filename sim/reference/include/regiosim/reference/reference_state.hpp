#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "regiosim/core/collaboration_state.hpp"
#include "regiosim/core/intervention.hpp"
#include "regiosim/core/partner_type.hpp"
#include "regiosim/core/run_result.hpp"
#include "regiosim/core/style.hpp"

namespace regiosim::reference {

/// One partner: the variables of docs/ODD.md §2.1, named as the ODD names them, in double
/// precision, plus its three hazard clocks (§4.9: what is left of each threshold).
struct Partner {
    Style style = Style::utilitair;
    PartnerType type = PartnerType::vo_school;
    int sector = 0;  ///< school sector (§2.1), 0 for non-schools or without per-pupil competition
    int join_month = 0;
    bool joined = false;
    bool active = false;
    bool kartrekker = false;
    bool team_member = false;
    double alignment = 0.0;           ///< a_i
    double capacity = 0.0;            ///< κ_i
    double effective_capacity = 0.0;  ///< κ̃_i
    double commitment = 0.0;          ///< m_i
    double expertise = 0.0;           ///< e_i
    double contribution = 0.0;        ///< c_i
    double prev_contribution = 0.0;   ///< c'_i
    double perceived_return = 0.0;    ///< R_i
    double instant_return = 0.0;      ///< r_i
    double invested = 0.0;
    double returned = 0.0;
    int months_active = 0;
    int low_return_months = 0;
    bool attends = false;
    double key_figure_clock = 0.0;    ///< §7.4 key-figure turnover
    double exit_clock = 0.0;          ///< §7.10 rule 4
    double returns_exit_clock = 0.0;  ///< §7.10 rule 2
};

/// The runtime state of one intervention (docs/ODD.md §2.4).
struct InterventionRuntime {
    bool active = false;
    bool finished = false;
    int active_until = -1;
    int firings = 0;
    int next_allowed = 0;
    int funded_by = -1;  ///< funding-stream index, −1: never ended by funding
    int leader = -1;     ///< named team leader's partner index, −1: chosen at formation
};

/// The collaboration (docs/ODD.md §2.3) with its partners (§2.1), directed trust (§2.2) and
/// interventions (§2.4).
struct ReferenceState : CollaborationState {
    std::vector<Partner> partners;
    /// T_ij, trust of i in j, row-major: trust[i · n + j].
    std::vector<double> trust;
    std::vector<InterventionRuntime> interventions;

    [[nodiscard]] std::size_t size() const noexcept { return partners.size(); }
    [[nodiscard]] double& trust_of(std::size_t i, std::size_t j) noexcept {
        return trust[i * partners.size() + j];
    }
    [[nodiscard]] double trust_of(std::size_t i, std::size_t j) const noexcept {
        return trust[i * partners.size() + j];
    }
};

}  // namespace regiosim::reference

#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "regiosim/core/intervention.hpp"
#include "regiosim/core/parameters.hpp"
#include "regiosim/core/partner_type.hpp"
#include "regiosim/core/style.hpp"

namespace regiosim {

/// One partner organisation as the scenario describes it, every value resolved.
struct PartnerSpec {
    std::string name;
    PartnerType type = PartnerType::vo_school;
    Style style = Style::utilitair;
    double alignment = 0.5;           ///< overlap of own agenda with the joint goal, 0–1
    double capacity = 1.0;            ///< effort it can give per month, relative to a school
    double commitment = 0.5;          ///< betrokkenheid at the start, 0–1
    double expertise = 0.5;           ///< ervaring en expertise at the start, 0–1
    int parallel_collaborations = 1;  ///< collaborations it is in, this one included
    int join_month = 0;               ///< month it joins (schools that join later, seed 004)
    bool kartrekker = false;          ///< its key figure is a champion who convinces others
    std::string group;                ///< generated group it came from, if any

    friend bool operator==(const PartnerSpec&, const PartnerSpec&) = default;
};

/// Money with a start and an end: a pilot subsidy, programme funds, a municipal budget.
struct FundingStream {
    std::string name;
    double monthly_amount = 0.0;  ///< k€ per month
    int start_month = 0;
    int end_month = -1;              ///< first month without it; -1: never ends
    double cofinancing_share = 0.0;  ///< share companies must match with hours (seed 003: 10 %)

    friend bool operator==(const FundingStream&, const FundingStream&) = default;
};

/// The world around the collaboration.
struct Context {
    bool existing_structure = false;    ///< builds on an earlier collaboration (seed 000)
    double policy_pressure = 0.0;       ///< imposed from above, 0–1 (seed 001: hurts)
    double urgency = 0.0;               ///< light urgency felt by partners, 0–1 (seed 001: helps)
    bool per_pupil_competition = true;  ///< schools compete for pupils (seed 001)
    bool money_settled = false;         ///< distribution of funds agreed from the start (seed 000)

    friend bool operator==(const Context&, const Context&) = default;
};

/// A named set of interventions compared against the baseline.
struct Arm {
    std::string name;
    std::string description;
    std::vector<InterventionSpec> interventions;

    friend bool operator==(const Arm&, const Arm&) = default;
};

/// An immutable, fully resolved description of a region: what the loader produces and the
/// simulation reads. It holds no state of a run.
struct Scenario {
    std::string name;
    std::string description;
    int horizon_months = 180;
    std::uint64_t seed = 1;
    int replications = 200;
    ModelParameters model;
    Context context;
    std::vector<PartnerSpec> partners;
    std::vector<FundingStream> funding;
    std::vector<InterventionSpec> interventions;  ///< present in every arm
    std::vector<Arm> arms;                        ///< arms[0] is the baseline

    [[nodiscard]] const Arm* find_arm(std::string_view arm_name) const noexcept;
    [[nodiscard]] int partner_index(std::string_view partner_name) const noexcept;
};

bool operator==(const ModelParameters& a, const ModelParameters& b) noexcept;
bool operator==(const Scenario& a, const Scenario& b) noexcept;

}  // namespace regiosim

#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace regiosim {

/// One change an instrument makes to a model parameter (a key of parameter_table()).
struct ParameterAdjustment {
    enum class Operation : unsigned char { set, add, multiply };

    std::string_view key;  ///< "trust.initial"
    Operation operation = Operation::set;
    double value = 0.0;

    friend bool operator==(const ParameterAdjustment&, const ParameterAdjustment&) = default;
};

/// What a field instrument (the SIM model, the reflection tool) changes in a scenario's starting
/// state. The loader applies it only to values the scenario file leaves unset — explicit keys
/// always win — and clamps every result into its valid range: a model parameter into its
/// registry range, a partner's alignment, commitment and expertise into 0–1.
struct StartingAdjustments {
    std::vector<ParameterAdjustment> parameters;  ///< applied in order

    double alignment_delta = 0.0;   ///< added to every partner's default alignment
    double commitment_delta = 0.0;  ///< added to every partner's default commitment
    double expertise_delta = 0.0;   ///< added to every partner's default expertise
    /// Added to the default commitment of companies and welfare organisations only.
    double placement_provider_commitment_delta = 0.0;
    bool all_kartrekkers = false;  ///< every partner's default `kartrekker` becomes true

    std::optional<bool> money_settled;       ///< context.money_settled, when unset
    std::optional<bool> existing_structure;  ///< context.existing_structure, when unset
    bool add_covenant = false;               ///< add a covenant when [[interventions]] has none

    friend bool operator==(const StartingAdjustments&, const StartingAdjustments&) = default;
};

}  // namespace regiosim

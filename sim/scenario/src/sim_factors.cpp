// The SIM model (seed 000) as input: which of its 14 factors hold, and what each changes in the
// starting state, by how much the `sim_factor.*` parameters say. docs/scenario-format.md
// ("SIM model") carries the same table.

#include "regiosim/scenario/sim_factors.hpp"

#include <fmt/format.h>

#include "resolve.hpp"

namespace regiosim {

std::optional<SimFactor> parse_sim_factor(std::string_view key) noexcept {
    for (const auto& info : sim_factor_table) {
        if (info.key == key) {
            return info.factor;
        }
    }
    return std::nullopt;
}

namespace {

using Op = ParameterAdjustment::Operation;

/// Adds to `a` the change of one factor that holds (`holds`) or does not; the sizes are the
/// `sim_factor.*` parameters of `m`.
void add_effect(SimFactor factor, bool holds, const ModelParameters& m, StartingAdjustments& a) {
    // Each factor: the effect when it holds, then when it does not.
    switch (factor) {
        case SimFactor::rollen_en_taken_duidelijk:
            a.parameters.push_back({"conflict.growth", Op::multiply,
                                    holds ? m.sim_factor_clear_roles_conflict_factor
                                          : m.sim_factor_unclear_roles_conflict_factor});
            break;
        case SimFactor::financien_geregeld:
            a.money_settled = holds;
            break;
        case SimFactor::bestaande_structuren:
            a.existing_structure = holds;
            break;
        case SimFactor::projectmatige_aanpak:
            a.parameters.push_back({"output.self_organised_action", Op::add,
                                    holds ? m.sim_factor_project_approach_action_gain
                                          : -m.sim_factor_no_project_approach_action_loss});
            break;
        case SimFactor::win_win:
            a.alignment_delta += holds ? m.sim_factor_win_win_alignment_gain
                                       : -m.sim_factor_no_win_win_alignment_loss;
            break;
        case SimFactor::kartrekkers_bij_alle_partijen:
            a.all_kartrekkers = a.all_kartrekkers || holds;  // false: no change
            break;
        case SimFactor::ervaring_en_expertise:
            a.expertise_delta +=
                holds ? m.sim_factor_expertise_gain : -m.sim_factor_no_expertise_loss;
            break;
        case SimFactor::begeleiding_leerlingen:
            a.parameters.push_back({"success.scale", Op::multiply,
                                    holds ? m.sim_factor_pupil_guidance_success_factor
                                          : m.sim_factor_poor_guidance_success_factor});
            break;
        case SimFactor::vertrouwen_en_gelijkwaardigheid:
            a.parameters.push_back(
                {"trust.initial", Op::add,
                 holds ? m.sim_factor_mutual_trust_gain : -m.sim_factor_no_mutual_trust_loss});
            break;
        case SimFactor::betrokkenheid_en_enthousiasme:
            a.commitment_delta += holds ? m.sim_factor_engagement_commitment_gain
                                        : -m.sim_factor_no_engagement_commitment_loss;
            break;
        case SimFactor::convenant:
            a.add_covenant = a.add_covenant || holds;  // false: no change
            break;
        case SimFactor::logische_omvang:
            a.parameters.push_back({"size.complexity", Op::multiply,
                                    holds ? m.sim_factor_logical_size_complexity_factor
                                          : m.sim_factor_illogical_size_complexity_factor});
            break;
        case SimFactor::actieve_benadering_stagebieders:
            // false: no change
            a.placement_provider_commitment_delta +=
                holds ? m.sim_factor_outreach_commitment_gain : 0.0;
            break;
        case SimFactor::digitale_ondersteuning:
            a.parameters.push_back({"trust.observation_rate", Op::multiply,
                                    holds ? m.sim_factor_digital_observation_factor
                                          : m.sim_factor_no_digital_observation_factor});
            break;
    }
}

}  // namespace

StartingAdjustments sim_factor_adjustments(const SimFactors& factors,
                                           const ModelParameters& model) {
    StartingAdjustments a;
    for (const auto& info : sim_factor_table) {
        if (auto holds = factors.get(info.factor)) {
            add_effect(info.factor, *holds, model, a);
        }
    }
    return a;
}

namespace detail {

std::optional<SimFactors> read_sim_factors(TableReader& top) {
    const Node* table = top.table("sim_factors");
    if (table == nullptr) {
        return std::nullopt;
    }
    std::vector<std::string_view> keys;
    for (const auto& info : sim_factor_table) {
        keys.push_back(info.key);
    }
    SimFactors factors;
    for (const auto& entry : table->entries) {
        const std::string path = child_path("sim_factors", entry.key);
        const auto factor = parse_sim_factor(entry.key);
        if (!factor) {
            top.sink().add(entry.key_where, path,
                           fmt::format("unknown SIM factor {}{}", user_text(entry.key),
                                       did_you_mean(entry.key, keys)),
                           "valid factors: " + join_names(keys));
            continue;
        }
        if (auto holds = read_boolean(entry.value, path, top.sink())) {
            factors.set(*factor, *holds);
        }
    }
    return factors;
}

}  // namespace detail

}  // namespace regiosim

#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "regiosim/core/parameters.hpp"
#include "regiosim/scenario/starting_adjustments.hpp"

namespace regiosim {

/// The 14 factors of the SIM model (Samenwerking In Maatschappelijke stage, seed 000), in the
/// seed's order: 4 groups of organisation/stakeholders × preparation/execution.
enum class SimFactor : unsigned char {
    rollen_en_taken_duidelijk,        ///< duidelijkheid in de verschillende rollen en taken
    financien_geregeld,               ///< financiële zaken goed geregeld
    bestaande_structuren,             ///< gebruik maken van bestaande structuren
    projectmatige_aanpak,             ///< projectmatige aanpak / doelen stellen
    win_win,                          ///< invulling en organisatie is win-win voor alle betrokkenen
    kartrekkers_bij_alle_partijen,    ///< kartrekkers en eigenaarschap bij alle partijen
    ervaring_en_expertise,            ///< ervaring en expertise
    begeleiding_leerlingen,           ///< goede begeleiding van leerlingen
    vertrouwen_en_gelijkwaardigheid,  ///< onderling vertrouwen (elkaar kennen) en gelijkwaardigheid
    betrokkenheid_en_enthousiasme,    ///< betrokkenheid en enthousiasme
    convenant,                        ///< convenant (investering in langdurige samenwerking)
    logische_omvang,                  ///< ontstaan van een "logische" omvang (regio's)
    actieve_benadering_stagebieders,  ///< actieve benadering van stagebiedende organisaties
    digitale_ondersteuning,           ///< adequate digitale ondersteuning
};

inline constexpr std::size_t sim_factor_count = 14;

/// Key, group and the seed's wording of one factor.
struct SimFactorInfo {
    SimFactor factor;
    std::string_view key;    ///< key under [sim_factors]
    std::string_view group;  ///< one of the four SIM groups
    std::string_view wording;
};

/// All factors in enum order.
inline constexpr std::array<SimFactorInfo, sim_factor_count> sim_factor_table = {{
    {SimFactor::rollen_en_taken_duidelijk, "rollen_en_taken_duidelijk",
     "organisatie bij voorbereiding en start", "Duidelijkheid in de verschillende rollen en taken"},
    {SimFactor::financien_geregeld, "financien_geregeld", "organisatie bij voorbereiding en start",
     "Financiële zaken goed geregeld"},
    {SimFactor::bestaande_structuren, "bestaande_structuren",
     "organisatie bij voorbereiding en start", "Gebruik maken van bestaande structuren"},
    {SimFactor::projectmatige_aanpak, "projectmatige_aanpak",
     "organisatie bij voorbereiding en start", "Projectmatige aanpak / doelen stellen"},
    {SimFactor::win_win, "win_win", "betrokkenen bij voorbereiding en start",
     "Invulling en organisatie is win-win voor alle betrokkenen"},
    {SimFactor::kartrekkers_bij_alle_partijen, "kartrekkers_bij_alle_partijen",
     "betrokkenen bij voorbereiding en start", "Kartrekkers en eigenaarschap bij alle partijen"},
    {SimFactor::ervaring_en_expertise, "ervaring_en_expertise",
     "betrokkenen bij voorbereiding en start", "Ervaring en expertise"},
    {SimFactor::begeleiding_leerlingen, "begeleiding_leerlingen", "betrokkenen tijdens uitvoering",
     "Goede begeleiding van leerlingen"},
    {SimFactor::vertrouwen_en_gelijkwaardigheid, "vertrouwen_en_gelijkwaardigheid",
     "betrokkenen tijdens uitvoering", "Onderling vertrouwen (elkaar kennen) en gelijkwaardigheid"},
    {SimFactor::betrokkenheid_en_enthousiasme, "betrokkenheid_en_enthousiasme",
     "betrokkenen tijdens uitvoering", "Betrokkenheid en enthousiasme"},
    {SimFactor::convenant, "convenant", "organisatie tijdens uitvoering",
     "Convenant (investering in langdurige samenwerking)"},
    {SimFactor::logische_omvang, "logische_omvang", "organisatie tijdens uitvoering",
     "Ontstaan van een 'logische' omvang van het samenwerkingsverband"},
    {SimFactor::actieve_benadering_stagebieders, "actieve_benadering_stagebieders",
     "organisatie tijdens uitvoering", "Actieve benadering van stagebiedende organisaties"},
    {SimFactor::digitale_ondersteuning, "digitale_ondersteuning", "organisatie tijdens uitvoering",
     "Adequate digitale ondersteuning"},
}};

/// Which SIM factors hold in a region: true, false, or unknown (no effect).
struct SimFactors {
    std::array<std::optional<bool>, sim_factor_count> values{};

    [[nodiscard]] std::optional<bool> get(SimFactor f) const noexcept {
        return values[static_cast<std::size_t>(f)];
    }
    void set(SimFactor f, std::optional<bool> holds) noexcept {
        values[static_cast<std::size_t>(f)] = holds;
    }

    friend bool operator==(const SimFactors&, const SimFactors&) = default;
};

/// The factor named by a [sim_factors] key, or nullopt.
[[nodiscard]] std::optional<SimFactor> parse_sim_factor(std::string_view key) noexcept;

/// The starting-state changes the stated factors imply (the table in docs/scenario-format.md,
/// "SIM model"), sized by the `sim_factor.*` parameters of `model` — the scenario's model
/// parameters as its file sets them, so that `[model.sim_factor]` keys take effect. The loader
/// applies them before the reflection tool's.
[[nodiscard]] StartingAdjustments sim_factor_adjustments(const SimFactors& factors,
                                                         const ModelParameters& model);

}  // namespace regiosim

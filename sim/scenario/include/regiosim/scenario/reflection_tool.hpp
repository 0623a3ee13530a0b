#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "regiosim/core/parameters.hpp"
#include "regiosim/scenario/starting_adjustments.hpp"

namespace regiosim {

/// One theme of the reflection tool (seed 002, Expertisepunt LOB): its key in an answers file,
/// its title and how many questions it has. 22 questions in all, each scored 1 ("helemaal niet
/// waar") to 5 ("helemaal waar").
struct ReflectionTheme {
    std::string_view key;
    std::string_view title;
    int questions;
};

inline constexpr std::size_t reflection_theme_count = 6;

inline constexpr std::array<ReflectionTheme, reflection_theme_count> reflection_themes = {{
    {"visie_en_ambitie", "Visie en ambitie", 4},
    {"relatie", "Relatie", 4},
    {"betrokken_partners", "Betrokken partners", 4},
    {"daadkracht", "Daadkracht", 3},
    {"inspiratie", "Inspiratie", 4},
    {"monitoring", "Monitoring", 3},
}};

inline constexpr int reflection_min_score = 1;
inline constexpr int reflection_max_score = 5;

/// The scores one participant gave, per theme in reflection_themes order. An empty vector means
/// the participant did not score that theme; otherwise it has one score per question.
struct ReflectionParticipant {
    std::string name;  ///< optional, for the report
    std::array<std::vector<int>, reflection_theme_count> scores{};

    friend bool operator==(const ReflectionParticipant&, const ReflectionParticipant&) = default;
};

/// Everything a region filled in with the reflection tool.
struct ReflectionScores {
    std::vector<ReflectionParticipant> participants;

    /// Mean score (1–5) of each theme over all participants and questions; nullopt for a theme
    /// nobody scored.
    [[nodiscard]] std::array<std::optional<double>, reflection_theme_count> theme_means() const;

    /// u = (mean − 1) / 4 in [0, 1] per theme; nullopt for a theme nobody scored.
    [[nodiscard]] std::array<std::optional<double>, reflection_theme_count> theme_levels() const;

    friend bool operator==(const ReflectionScores&, const ReflectionScores&) = default;
};

/// The starting-state changes the scores imply (docs/scenario-format.md, "Reflection tool"),
/// sized by the `reflection.*` parameters of `model` (defaults in brackets):
/// visie_en_ambitie → intention.initial = intention_at_lowest + intention_span·u (0.2 + 0.6u),
/// default alignment += alignment_span·(u − 0.5) (0.2); relatie → trust.initial =
/// trust_at_lowest + trust_span·u (0.15 + 0.5u); betrokken_partners → default commitment
/// += commitment_span·(u − 0.5) (0.3); daadkracht → output.self_organised_action =
/// action_at_lowest + action_span·u (0.35 + 0.5u); inspiratie → default expertise
/// += expertise_span·(u − 0.5) (0.3); monitoring → monitoring.lag_without =
/// round(monitoring_lag_at_lowest − monitoring_lag_span·u) (round(6 − 5u)).
/// Themes nobody scored change nothing.
[[nodiscard]] StartingAdjustments reflection_adjustments(const ReflectionScores& scores,
                                                         const ModelParameters& model);

/// A readable table of the theme means and the starting values they lead to, compared with
/// `defaults`, whose `reflection.*` parameters size the mapping (what `regiosim reflect
/// ANSWERS.toml` prints).
[[nodiscard]] std::string reflect_report(const ReflectionScores& scores,
                                         const ModelParameters& defaults);

/// Reads a standalone answers file: `[[reflection.participants]]` entries; other top-level
/// tables are ignored, so a scenario file with a reflection section is also an answers file.
/// Throws DataError (with every problem) or MissingInputError like load_scenario.
[[nodiscard]] ReflectionScores load_reflection_answers(const std::filesystem::path& file);

/// As load_reflection_answers, from text; `display_name` names the text in diagnostics.
[[nodiscard]] ReflectionScores load_reflection_answers_from_string(std::string_view text,
                                                                   const std::string& display_name);

}  // namespace regiosim

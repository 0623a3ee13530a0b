#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace regiosim::detail {

/// Optimal-string-alignment (restricted Damerau–Levenshtein) distance: insertions, deletions,
/// substitutions and swaps of neighbours each cost 1. Returns `cap + 1` for anything farther than
/// `cap`, without work when the lengths alone differ by more (a huge hostile key costs nothing).
[[nodiscard]] int edit_distance(std::string_view a, std::string_view b, int cap);

/// The candidate closest to `word` within a distance of 2 (1 for words of up to 4 characters),
/// or one equal ignoring case; nullopt when none is close. Ties go to the earlier candidate.
[[nodiscard]] std::optional<std::string_view> closest_match(
    std::string_view word, std::span<const std::string_view> candidates);

/// " (did you mean `x`?)" or "" — ready to append to a problem.
[[nodiscard]] std::string did_you_mean(std::string_view word,
                                       std::span<const std::string_view> candidates);

/// "a, b, c" for a list of valid names.
[[nodiscard]] std::string join_names(std::span<const std::string_view> names);

}  // namespace regiosim::detail

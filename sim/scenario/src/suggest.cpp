#include "suggest.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace regiosim::detail {

int edit_distance(std::string_view a, std::string_view b, int cap) {
    const auto length_gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (length_gap > static_cast<std::size_t>(cap)) {
        return cap + 1;
    }
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    // Three rows suffice for the transposition rule.
    std::vector<int> before(m + 1);
    std::vector<int> previous(m + 1);
    std::vector<int> current(m + 1);
    for (std::size_t j = 0; j <= m; ++j) {
        previous[j] = static_cast<int>(j);
    }
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = static_cast<int>(i);
        for (std::size_t j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d = std::min(d, before[j - 2] + 1);
            }
            current[j] = d;
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], cap + 1);
}

namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

std::optional<std::string_view> closest_match(std::string_view word,
                                              std::span<const std::string_view> candidates) {
    for (const auto candidate : candidates) {
        if (equal_ignoring_case(word, candidate)) {
            return candidate;
        }
    }
    const int cap = word.size() <= 4 ? 1 : 2;
    std::optional<std::string_view> best;
    int best_distance = cap + 1;
    for (const auto candidate : candidates) {
        const int d = edit_distance(word, candidate, cap);
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
    if (auto match = closest_match(word, candidates)) {
        return " (did you mean `" + std::string(*match) + "`?)";
    }
    return {};
}

std::string join_names(std::span<const std::string_view> names) {
    std::string out;
    for (const auto name : names) {
        if (!out.empty()) {
            out += ", ";
        }
        out += name;
    }
    return out;
}

}  // namespace regiosim::detail

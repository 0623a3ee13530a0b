// `regiosim reflect`: what a region's reflection-tool scores mean for its starting state.

#include <fmt/format.h>

#include "regiosim/scenario/reflection_tool.hpp"
#include "resolve.hpp"

namespace regiosim {

namespace {

std::string signed_delta(double delta) {
    return fmt::format("{:+.3f}", delta);
}

}  // namespace

std::string reflect_report(const ReflectionScores& scores, const ModelParameters& defaults) {
    std::string out =
        fmt::format("Reflection tool: {} participant{}\n\n", scores.participants.size(),
                    scores.participants.size() == 1 ? "" : "s");
    const auto means = scores.theme_means();
    const auto levels = scores.theme_levels();
    out += fmt::format("{:<20} {:>9} {:>8} {:>11} {:>8}\n", "theme", "questions", "scores",
                       "mean (1-5)", "level u");
    for (std::size_t t = 0; t < reflection_theme_count; ++t) {
        std::size_t n = 0;
        for (const auto& participant : scores.participants) {
            n += participant.scores[t].size();
        }
        const auto& theme = reflection_themes[t];
        if (means[t]) {
            out += fmt::format("{:<20} {:>9} {:>8} {:>11.2f} {:>8.3f}\n", theme.title,
                               theme.questions, n, *means[t], *levels[t]);
        } else {
            out += fmt::format("{:<20} {:>9} {:>8} {:>11} {:>8}\n", theme.title, theme.questions, n,
                               "-", "-");
        }
    }
    out += "\nlevel u = (mean - 1) / 4; a theme nobody scored changes nothing.\n\n";

    const StartingAdjustments a = reflection_adjustments(scores, defaults);
    out += "Starting values the scores lead to (explicit scenario keys still win):\n";
    out += fmt::format("{:<30} {:>9} {:>12}  {}\n", "model parameter", "default", "from scores",
                       "unit");
    for (const auto& adjustment : a.parameters) {
        const ParameterInfo* info = find_parameter(adjustment.key);
        if (info == nullptr) {
            continue;
        }
        const double before = defaults.*(info->field);
        out += fmt::format("{:<30} {:>9.3f} {:>12.3f}  {}\n", adjustment.key, before,
                           detail::adjusted_parameter(before, adjustment), info->unit);
    }
    if (a.parameters.empty()) {
        out += "(no theme scored that sets a model parameter)\n";
    }
    out += "\nChange to every partner's default starting value (clamped to 0-1):\n";
    out += fmt::format("  alignment   {}   (visie en ambitie)\n", signed_delta(a.alignment_delta));
    out +=
        fmt::format("  commitment  {}   (betrokken partners)\n", signed_delta(a.commitment_delta));
    out += fmt::format("  expertise   {}   (inspiratie)\n", signed_delta(a.expertise_delta));
    return out;
}

}  // namespace regiosim

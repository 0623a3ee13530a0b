// The reflection tool (seed 002) as input: participants' scores per theme, and the starting
// values they lead to, sized by the `reflection.*` parameters. docs/scenario-format.md
// ("Reflection tool") carries the same mapping.

#include "regiosim/scenario/reflection_tool.hpp"

#include <fmt/format.h>

#include <cmath>
#include <memory>

#include "resolve.hpp"

namespace regiosim {

std::array<std::optional<double>, reflection_theme_count> ReflectionScores::theme_means() const {
    std::array<std::optional<double>, reflection_theme_count> means{};
    for (std::size_t t = 0; t < reflection_theme_count; ++t) {
        double sum = 0.0;
        std::size_t n = 0;
        for (const auto& participant : participants) {
            for (const int score : participant.scores[t]) {
                sum += score;
                ++n;
            }
        }
        if (n > 0) {
            means[t] = sum / static_cast<double>(n);
        }
    }
    return means;
}

std::array<std::optional<double>, reflection_theme_count> ReflectionScores::theme_levels() const {
    auto levels = theme_means();
    for (auto& level : levels) {
        if (level) {
            *level =
                (*level - reflection_min_score) / (reflection_max_score - reflection_min_score);
        }
    }
    return levels;
}

StartingAdjustments reflection_adjustments(const ReflectionScores& scores,
                                           const ModelParameters& m) {
    using Op = ParameterAdjustment::Operation;
    const auto u = scores.theme_levels();
    StartingAdjustments a;
    if (u[0]) {  // visie en ambitie
        a.parameters.push_back(
            {"intention.initial", Op::set,
             m.reflection_intention_at_lowest + m.reflection_intention_span * *u[0]});
        a.alignment_delta = m.reflection_alignment_span * (*u[0] - 0.5);
    }
    if (u[1]) {  // relatie
        a.parameters.push_back({"trust.initial", Op::set,
                                m.reflection_trust_at_lowest + m.reflection_trust_span * *u[1]});
    }
    if (u[2]) {  // betrokken partners
        a.commitment_delta = m.reflection_commitment_span * (*u[2] - 0.5);
    }
    if (u[3]) {  // daadkracht
        a.parameters.push_back({"output.self_organised_action", Op::set,
                                m.reflection_action_at_lowest + m.reflection_action_span * *u[3]});
    }
    if (u[4]) {  // inspiratie
        a.expertise_delta = m.reflection_expertise_span * (*u[4] - 0.5);
    }
    if (u[5]) {  // monitoring
        a.parameters.push_back({"monitoring.lag_without", Op::set,
                                std::round(m.reflection_monitoring_lag_at_lowest -
                                           m.reflection_monitoring_lag_span * *u[5])});
    }
    return a;
}

namespace detail {

namespace {

std::optional<std::vector<int>> read_theme(const Node& array, const std::string& path,
                                           const ReflectionTheme& theme, DiagnosticSink& sink) {
    const auto expected = static_cast<std::size_t>(theme.questions);
    const std::string valid =
        fmt::format("valid: {} integers from 1 to 5, one per question", theme.questions);
    if (array.items.size() != expected) {
        sink.add(array.where, path,
                 fmt::format("{} scores, but {} has {} questions", array.items.size(), theme.title,
                             theme.questions),
                 valid);
        return std::nullopt;
    }
    std::vector<int> scores;
    bool ok = true;
    for (std::size_t q = 0; q < array.items.size(); ++q) {
        auto score =
            read_integer(array.items[q], index_path(path, q), reflection_min_score,
                         reflection_max_score, "1 = helemaal niet waar, 5 = helemaal waar", sink);
        ok = ok && score.has_value();
        scores.push_back(static_cast<int>(score.value_or(reflection_min_score)));
    }
    return ok ? std::optional<std::vector<int>>(std::move(scores)) : std::nullopt;
}

std::vector<std::string_view> theme_keys() {
    std::vector<std::string_view> keys;
    for (const auto& theme : reflection_themes) {
        keys.push_back(theme.key);
    }
    return keys;
}

}  // namespace

std::optional<ReflectionScores> read_reflection(TableReader& top, bool required) {
    DiagnosticSink& sink = top.sink();
    const char* example =
        "valid: [[reflection.participants]] entries such as "
        "visie_en_ambitie = [4, 3, 4, 3]";
    const Node* table = top.table("reflection");
    if (table == nullptr) {
        if (required && top.node().find("reflection") == nullptr) {
            sink.add(top.node().where, "reflection", "no reflection scores in this file", example);
        }
        return std::nullopt;
    }
    TableReader r(*table, "reflection", sink);
    const Node* list = r.array_of_tables(
        "participants", static_cast<std::size_t>(ScenarioLimits::max_list_entries));
    if (list == nullptr || list->items.empty()) {
        if (list != nullptr || table->find("participants") == nullptr) {
            sink.add(table->where, "reflection.participants", "no participants", example);
        }
        r.report_unknown_keys();
        return std::nullopt;
    }
    ReflectionScores scores;
    for (std::size_t i = 0; i < list->items.size(); ++i) {
        const std::string path = index_path("reflection.participants", i);
        TableReader p(list->items[i], path, sink);
        ReflectionParticipant participant;
        if (const Entry* name = p.get("name")) {
            participant.name = read_name(name->value, p.path_of("name"), sink).value_or("");
        }
        bool any = false;
        for (std::size_t t = 0; t < reflection_theme_count; ++t) {
            const ReflectionTheme& theme = reflection_themes[t];
            if (const Node* array = p.array(theme.key, 100)) {
                any = true;
                participant.scores[t] = read_theme(*array, p.path_of(theme.key), theme, sink)
                                            .value_or(std::vector<int>{});
            } else if (p.node().find(theme.key) != nullptr) {
                any = true;  // wrong type, already reported
            }
        }
        if (!any) {
            sink.add(list->items[i].where, path, "the participant scored no theme",
                     "valid themes: " + join_names(theme_keys()));
        }
        p.report_unknown_keys();
        scores.participants.push_back(std::move(participant));
    }
    r.report_unknown_keys();
    return scores;
}

}  // namespace detail

ReflectionScores load_reflection_answers_from_string(std::string_view text,
                                                     const std::string& display_name) {
    const auto file = std::make_shared<const std::string>(display_name);
    const detail::Node root = detail::parse_document(text, file);
    detail::DiagnosticSink sink;
    detail::TableReader top(root, "", sink);
    auto scores = detail::read_reflection(top, true);
    sink.throw_if_any();
    return scores.value_or(ReflectionScores{});
}

ReflectionScores load_reflection_answers(const std::filesystem::path& file) {
    return load_reflection_answers_from_string(detail::read_input_file(file), file.string());
}

}  // namespace regiosim

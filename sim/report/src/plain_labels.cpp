#include "plain_labels.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace regiosim::report {

namespace {

std::string spaced(std::string_view name) {
    std::string text(name);
    std::replace(text.begin(), text.end(), '_', ' ');
    return text;
}

template <std::size_t N>
std::string look_up(const std::array<std::pair<std::string_view, std::string_view>, N>& labels,
                    std::string_view name) {
    for (const auto& [key, label] : labels) {
        if (key == name) {
            return std::string(label);
        }
    }
    return spaced(name);
}

}  // namespace

std::string cause_label(std::string_view cause) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> labels{{
        {"drift", "drift (talk without action)"},
        {"partner_exodus", "partners leaving"},
        {"funding_cliff", "end of funding"},
        {"leader_loss", "loss of the leader"},
        {"negotiation_deadlock", "deadlock over money"},
        {"censored", "still running at the horizon"},
    }};
    return look_up(labels, cause);
}

std::string variable_label(std::string_view variable) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> labels{{
        {"mean_trust", "Mean trust between partners (0\u20131)"},
        {"mean_commitment", "Mean commitment of partners (0\u20131)"},
        {"active_partners", "Active partners (number)"},
    }};
    return look_up(labels, variable);
}

}  // namespace regiosim::report

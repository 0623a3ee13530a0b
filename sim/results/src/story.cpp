#include "regiosim/results/story.hpp"

#include <fmt/format.h>

namespace regiosim {

namespace {

std::string partner_name(const Scenario& scenario, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= scenario.partners.size()) {
        return "a partner";
    }
    return scenario.partners[static_cast<std::size_t>(index)].name;
}

std::string intervention_name(const std::vector<InterventionSpec>& interventions, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= interventions.size()) {
        return "the intervention";
    }
    const auto& spec = interventions[static_cast<std::size_t>(index)];
    return fmt::format("{} '{}'", to_string(spec.kind), spec.name);
}

std::string sentence(const Event& e, const Scenario& scenario,
                     const std::vector<InterventionSpec>& interventions) {
    const auto who = partner_name(scenario, e.partner);
    const auto what = intervention_name(interventions, e.intervention);
    switch (e.kind) {
        case EventKind::partner_joined:
            return fmt::format("{} joined the collaboration", who);
        case EventKind::partner_left:
            return fmt::format("{} left (commitment {:.2f})", who, e.before);
        case EventKind::offensief_pulled_out:
            return fmt::format("{} pulled out: the returns on its investment never came", who);
        case EventKind::utilitair_left_for_returns:
            return fmt::format("{} left: too little to gain for too long", who);
        case EventKind::left_at_renewal:
            return fmt::format("{} did not re-sign the covenant and left", who);
        case EventKind::key_figure_left:
            return fmt::format(
                "the key figure of {} left; trust in them fell from {:.2f} to {:.2f}", who,
                e.before, e.after);
        case EventKind::team_leader_left:
            return fmt::format("the execution team lost its leader at {}", who);
        case EventKind::team_leader_replaced:
            return fmt::format("{} took over as leader of the execution team", who);
        case EventKind::coordinator_arrived:
            return "a coordinator started";
        case EventKind::coordinator_left:
            return fmt::format(
                "the coordinator left; the network's dependence on them was {:.2f}, commitment "
                "fell by {:.0f}%",
                e.before, 100.0 * e.after);
        case EventKind::intervention_started:
            return fmt::format("{} started", what);
        case EventKind::intervention_ended:
            return fmt::format("{} ended", what);
        case EventKind::intervention_triggered:
            return fmt::format("{} was triggered by the state of the collaboration", what);
        case EventKind::covenant_signed:
            return "the covenant was signed";
        case EventKind::covenant_renewed:
            return "the covenant was renewed";
        case EventKind::negotiations_settled:
            return "negotiations over the money were closed";
        case EventKind::funding_started:
            return fmt::format("funding stream '{}' started",
                               e.intervention >= 0 && static_cast<std::size_t>(e.intervention) <
                                                          scenario.funding.size()
                                   ? scenario.funding[static_cast<std::size_t>(e.intervention)].name
                                   : std::string("?"));
        case EventKind::funding_cliff:
            return fmt::format("funding fell from {:.1f} to {:.1f} k€ a month", e.before, e.after);
        case EventKind::economic_shock_began:
            return "a business-cycle shock cut companies' hours";
        case EventKind::economic_shock_ended:
            return "the business-cycle shock ended";
        case EventKind::phase_changed:
            return fmt::format("the collaboration moved from {} to {}",
                               to_string(static_cast<Phase>(static_cast<int>(e.before))),
                               to_string(static_cast<Phase>(static_cast<int>(e.after))));
        case EventKind::became_self_sustaining:
            return "the collaboration became self-sustaining (vliegwiel)";
        case EventKind::deadlock_began:
            return fmt::format("negotiations over money began to dominate (conflict {:.2f})",
                               e.before);
        case EventKind::ended:
            return fmt::format("the collaboration ended: {}",
                               to_string(static_cast<EndCause>(e.intervention)));
    }
    return "something happened";
}

}  // namespace

std::string describe_event(const Event& event, const Scenario& scenario,
                           const std::vector<InterventionSpec>& interventions) {
    return fmt::format("month {}: {}", event.month, sentence(event, scenario, interventions));
}

std::vector<std::string> tell_story(const RunResult& result, const Scenario& scenario,
                                    const std::vector<InterventionSpec>& interventions) {
    std::vector<std::string> lines;
    lines.reserve(result.events.size() + 1);
    for (const auto& e : result.events) {
        lines.push_back(describe_event(e, scenario, interventions));
    }
    if (result.dropped_events > 0) {
        lines.push_back(fmt::format("({} further events were not logged)", result.dropped_events));
    }
    return lines;
}

}  // namespace regiosim

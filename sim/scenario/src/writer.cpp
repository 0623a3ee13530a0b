// to_toml: a scenario as fully resolved TOML that reads back to the same Scenario.

#include "regiosim/scenario/writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "diagnostic_sink.hpp"
#include "intervention_keys.hpp"
#include "toml_text.hpp"

namespace regiosim {

namespace {

using namespace detail;

void write_header(const Scenario& s, std::string& out) {
    out += fmt::format(
        "# Scenario {}, fully resolved by regiosim: every default is written out, partner\n"
        "# groups are expanded and every intervention lists all keys of its kind. Loading this\n"
        "# file gives exactly the same scenario. Format: docs/scenario-format.md\n",
        s.name);
    out += "\n[scenario]\n";
    out += toml_line("name", toml_string(s.name));
    out += toml_line("description", toml_string(s.description));
    if (s.horizon_months % 12 == 0) {
        out += toml_line("horizon_years", toml_int(s.horizon_months / 12));
    } else {
        out += toml_line("horizon_months", toml_int(s.horizon_months));
    }
    // TOML integers stop at 2^63 − 1; larger seeds are written as a string of digits.
    if (s.seed <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        out += toml_line("seed", toml_int(static_cast<std::int64_t>(s.seed)));
    } else {
        out += toml_line("seed", toml_string(fmt::format("{}", s.seed)));
    }
    out += toml_line("replications", toml_int(s.replications));
}

void write_context(const Context& c, std::string& out) {
    out += toml_banner("context: the world around the collaboration");
    out += "[context]\n";
    out += toml_line("existing_structure", toml_bool(c.existing_structure));
    out += toml_line("policy_pressure", toml_float(c.policy_pressure));
    out += toml_line("urgency", toml_float(c.urgency));
    out += toml_line("per_pupil_competition", toml_bool(c.per_pupil_competition));
    out += toml_line("money_settled", toml_bool(c.money_settled));
}

void write_model(const ModelParameters& model, std::string& out) {
    const auto table = parameter_table();
    out += toml_banner(
        fmt::format("model: all {} parameters (value  # unit, range: meaning)", table.size()));
    std::vector<std::string_view> groups;
    for (const auto& info : table) {
        if (std::find(groups.begin(), groups.end(), info.group) == groups.end()) {
            groups.push_back(info.group);
        }
    }
    for (const auto group : groups) {
        out += fmt::format("{}[model.{}]\n", group == groups.front() ? "" : "\n", group);
        for (const auto& info : table) {
            if (info.group != group) {
                continue;
            }
            out += fmt::format("{} = {}  # {}, {} to {}: {}\n", info.name,
                               toml_float(model.*(info.field)), info.unit, show_number(info.min),
                               show_number(info.max), info.meaning);
        }
    }
}

void write_partners(const std::vector<PartnerSpec>& partners, std::string& out) {
    out += toml_banner(fmt::format("partners ({}; groups expanded)", partners.size()));
    for (const auto& p : partners) {
        out += &p == &partners.front() ? "[[partners]]\n" : "\n[[partners]]\n";
        out += toml_line("name", toml_string(p.name));
        out += toml_line("type", toml_string(to_string(p.type)));
        out += toml_line("style", toml_string(to_string(p.style)));
        out += toml_line("alignment", toml_float(p.alignment));
        out += toml_line("capacity", toml_float(p.capacity));
        out += toml_line("commitment", toml_float(p.commitment));
        out += toml_line("expertise", toml_float(p.expertise));
        out += toml_line("parallel_collaborations", toml_int(p.parallel_collaborations));
        out += toml_line("join_month", toml_int(p.join_month));
        out += toml_line("kartrekker", toml_bool(p.kartrekker));
        if (!p.group.empty()) {
            out += toml_line("group", toml_string(p.group));
        }
    }
}

void write_funding(const std::vector<FundingStream>& funding, std::string& out) {
    if (funding.empty()) {
        return;
    }
    out += toml_banner("funding (k€ per month; end_month is the first month without it)");
    for (const auto& f : funding) {
        out += &f == &funding.front() ? "[[funding]]\n" : "\n[[funding]]\n";
        out += toml_line("name", toml_string(f.name));
        out += toml_line("monthly_amount", toml_float(f.monthly_amount));
        out += toml_line("start_month", toml_int(f.start_month));
        if (f.end_month >= 0) {
            out += toml_line("end_month", toml_int(f.end_month));
        }
        out += toml_line("cofinancing_share", toml_float(f.cofinancing_share));
    }
}

std::string trigger_text(const Trigger& t) {
    return fmt::format("{{ metric = {}, {} = {}, cooldown_months = {}, max_firings = {} }}",
                       toml_string(to_string(t.metric)), t.below ? "below" : "above",
                       toml_float(t.threshold), t.cooldown_months, t.max_firings);
}

void write_kind_key(const InterventionSpec& i, std::string_view key, std::string& out) {
    if (key == "term_months") {
        out += toml_line(key, toml_int(i.term_months));
    } else if (key == "renew") {
        out += toml_line(key, toml_bool(i.renew));
    } else if (key == "meetings_per_year") {
        out += toml_line(key, toml_float(i.meetings_per_year));
    } else if (key == "intensity") {
        out += toml_line(key, toml_float(i.intensity));
    } else if (key == "leader") {
        if (!i.leader.empty()) {
            out += toml_line(key, toml_string(i.leader));
        }
    } else if (key == "members") {
        out += toml_line(key, toml_string_array(i.members));
    } else if (key == "team_size") {
        out += toml_line(key, toml_int(i.team_size));
    } else if (key == "funded_by") {
        if (!i.funded_by.empty()) {
            out += toml_line(key, toml_string(i.funded_by));
        }
    } else if (key == "level") {
        out += toml_line(key, toml_float(i.level));
    }
}

void write_intervention(const InterventionSpec& i, std::string_view header, std::string& out) {
    out += fmt::format("\n[[{}]]\n", header);
    out += toml_line("name", toml_string(i.name));
    out += toml_line("kind", toml_string(to_string(i.kind)));
    out += toml_line("start_month", toml_int(i.start_month));
    if (i.duration_months >= 0) {
        out += toml_line("duration_months", toml_int(i.duration_months));
    }
    out += toml_line("yearly_cost", toml_float(i.yearly_cost));
    out += toml_line("one_off_cost", toml_float(i.one_off_cost));
    if (i.trigger) {
        out += toml_line("trigger", trigger_text(*i.trigger));
    }
    for (const auto& key : kind_specific_keys) {
        if (applies_to(key, i.kind)) {
            write_kind_key(i, key.key, out);
        }
    }
}

void write_arms(const Scenario& s, std::string& out) {
    if (!s.interventions.empty()) {
        out += toml_banner("interventions present in every arm");
        for (const auto& i : s.interventions) {
            write_intervention(i, "interventions", out);
        }
    }
    out += toml_banner("arms compared (arms[0] is the baseline)");
    for (const auto& arm : s.arms) {
        out += &arm == &s.arms.front() ? "[[arms]]\n" : "\n[[arms]]\n";
        out += toml_line("name", toml_string(arm.name));
        out += toml_line("description", toml_string(arm.description));
        for (const auto& i : arm.interventions) {
            write_intervention(i, "arms.interventions", out);
        }
    }
}

void write_instruments(const LoadedScenario& loaded, std::string& out) {
    if (!loaded.sim_factors && !loaded.reflection) {
        return;
    }
    out += toml_banner(
        "instruments this scenario was built from (for the record: every value "
        "they set is explicit above)");
    if (loaded.sim_factors) {
        out += "[sim_factors]\n";
        for (const auto& info : sim_factor_table) {
            if (auto holds = loaded.sim_factors->get(info.factor)) {
                out += toml_line(info.key, toml_bool(*holds));
            }
        }
    }
    if (loaded.reflection) {
        for (const auto& participant : loaded.reflection->participants) {
            out += "\n[[reflection.participants]]\n";
            if (!participant.name.empty()) {
                out += toml_line("name", toml_string(participant.name));
            }
            for (std::size_t t = 0; t < reflection_theme_count; ++t) {
                if (!participant.scores[t].empty()) {
                    out +=
                        toml_line(reflection_themes[t].key, toml_int_array(participant.scores[t]));
                }
            }
        }
    }
}

}  // namespace

std::string to_toml(const LoadedScenario& loaded) {
    const Scenario& s = loaded.scenario;
    std::string out;
    write_header(s, out);
    write_context(s.context, out);
    write_model(s.model, out);
    write_partners(s.partners, out);
    write_funding(s.funding, out);
    write_arms(s, out);
    write_instruments(loaded, out);
    return out;
}

std::string to_toml(const Scenario& scenario) {
    return to_toml(LoadedScenario{scenario, std::nullopt, std::nullopt, {}});
}

}  // namespace regiosim

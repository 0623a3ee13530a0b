#include "scenario_fixtures.hpp"

#include <algorithm>
#include <random>
#include <set>

namespace regiosim::test {

std::filesystem::path data_dir() {
    return std::filesystem::path(REGIOSIM_SOURCE_DIR) / "tests" / "scenario" / "data";
}

std::string example_participant() {
    return R"(
[[reflection.participants]]
visie_en_ambitie = [4, 3, 4, 3]
relatie = [3, 3, 2, 3]
betrokken_partners = [3, 4, 2, 3]
daadkracht = [2, 3, 3]
inspiratie = [3, 3, 2, 3]
monitoring = [2, 2, 1]
)";
}

std::string minimal_text() {
    return R"([scenario]
name = "minimal"
horizon_years = 10
seed = 7
replications = 20

[[partners]]
name = "Da Vinci College"
type = "mbo"
style = "utilitair"

[[partners]]
name = "Gemeente Leiden"
type = "municipality"
style = "overstijgend"
)";
}

LoadedScenario load_text(std::string_view text, const std::string& name) {
    return load_scenario_detailed_from_string(text, name, data_dir());
}

std::vector<Diagnostic> diagnostics_of(std::string_view text, const std::string& name) {
    try {
        (void)load_text(text, name);
    } catch (const DataError& error) {
        return error.diagnostics();
    }
    return {};
}

const Diagnostic* find_diagnostic(const std::vector<Diagnostic>& diagnostics,
                                  std::string_view key_path) {
    for (const auto& d : diagnostics) {
        if (d.key_path == key_path) {
            return &d;
        }
    }
    return nullptr;
}

std::string describe(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics) {
        out += d.to_string() + "\n";
    }
    return out;
}

namespace {

// Generator with its own distributions, so the random scenarios are the same everywhere.
class Random {
  public:
    explicit Random(std::uint64_t seed) : engine_(seed) {}

    std::uint64_t bits() { return engine_(); }
    double unit() { return static_cast<double>(bits() >> 11) * 0x1.0p-53; }
    int between(int lo, int hi) {  // inclusive
        return lo + static_cast<int>(bits() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    bool chance(double p) { return unit() < p; }
    double in(double lo, double hi) {
        switch (between(0, 9)) {
            case 0:
                return lo;
            case 1:
                return hi;
            case 2:
                return std::clamp(std::round(lo + unit() * (hi - lo)), lo, hi);
            default:
                return std::clamp(lo + unit() * (hi - lo), lo, hi);
        }
    }
    template <class T>
    const T& pick(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(between(0, static_cast<int>(items.size()) - 1))];
    }

    std::string text(int max_pieces, bool allow_control) {
        static const std::vector<std::string> pieces = {
            "a", "B", "z", "0", "9", " ", "-", "_", "\"", "\\",   "'", "#", "=",
            "[", "]", "{", "}", ".", ",", "é", "ü", "€",  "日本", "😀", "ĳ", "Ω"};
        static const std::vector<std::string> control = {"\n", "\t", "\r", "\x01", "\x7f", "\x1b"};
        std::string out;
        const int n = between(1, max_pieces);
        for (int i = 0; i < n; ++i) {
            out += allow_control && chance(0.1) ? pick(control) : pick(pieces);
        }
        return out;
    }
    std::string identifier(int max_length) {
        static const std::string chars =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
        std::string out;
        const int n = between(1, max_length);
        for (int i = 0; i < n; ++i) {
            out += chars[static_cast<std::size_t>(between(0, static_cast<int>(chars.size()) - 1))];
        }
        return out;
    }
    // A name no earlier call returned (names must be unique within their list).
    std::string unique_name(std::set<std::string>& used, bool identifier_only = false) {
        for (;;) {
            std::string name = identifier_only ? identifier(12) : text(12, false);
            if (used.insert(name).second) {
                return name;
            }
        }
    }

  private:
    std::mt19937_64 engine_;
};

InterventionSpec random_intervention(Random& r, const Scenario& s, std::set<std::string>& names) {
    InterventionSpec i;
    i.kind = static_cast<InterventionKind>(r.between(0, 8));
    i.name = r.chance(0.3) ? std::string(to_string(i.kind)) : r.text(10, false);
    if (!names.insert(i.name).second) {
        i.name = r.unique_name(names);
    }
    i.start_month = r.between(0, s.horizon_months - 1);
    i.duration_months = r.chance(0.5) ? -1 : r.between(1, 500);
    i.yearly_cost = r.in(0, 1e9);
    i.one_off_cost = r.in(0, 1e9);
    if (r.chance(0.4)) {
        Trigger t;
        t.metric = static_cast<TriggerMetric>(r.between(0, 5));
        t.below = r.chance(0.5);
        t.threshold = r.in(0, t.metric == TriggerMetric::output_per_partner ? 1e6 : 1.0);
        t.cooldown_months = r.between(0, 360);
        t.max_firings = r.between(0, 1000);
        i.trigger = t;
    }
    switch (i.kind) {
        case InterventionKind::covenant:
            i.term_months = r.between(1, 360);
            i.renew = r.chance(0.5);
            break;
        case InterventionKind::coordinator:
            i.intensity = r.in(0, 1);
            [[fallthrough]];
        case InterventionKind::meetings:
            i.meetings_per_year = r.in(0, 52);
            break;
        case InterventionKind::execution_team:
            if (r.chance(0.5)) {
                i.leader = r.pick(s.partners).name;
            }
            for (const auto& p : s.partners) {
                if (r.chance(0.2)) {
                    i.members.push_back(p.name);
                }
            }
            i.team_size = r.between(1, 100);
            break;
        case InterventionKind::stable_funding:
            i.level = r.in(0, 2);
            break;
        default:
            break;
    }
    if ((i.kind == InterventionKind::coordinator || i.kind == InterventionKind::execution_team) &&
        !s.funding.empty() && r.chance(0.5)) {
        i.funded_by = r.pick(s.funding).name;
    }
    return i;
}

}  // namespace

Scenario random_scenario(std::uint64_t seed) {
    Random r(seed);
    Scenario s;
    s.name = r.identifier(20);
    s.description = r.chance(0.2) ? "" : r.text(30, true);
    s.horizon_months = r.between(12, 360);
    s.seed = r.bits() >> static_cast<unsigned>(r.between(0, 63));
    s.replications = r.between(1, 1'000'000);
    for (const auto& info : parameter_table()) {
        s.model.*(info.field) = r.chance(0.3) ? info.default_value : r.in(info.min, info.max);
    }
    s.context = Context{r.chance(0.5), r.in(0, 1), r.in(0, 1), r.chance(0.5), r.chance(0.5)};

    std::set<std::string> partner_names;
    const int partners = r.between(1, 25);
    for (int k = 0; k < partners; ++k) {
        PartnerSpec p;
        p.name = r.unique_name(partner_names);
        p.type = static_cast<PartnerType>(r.between(0, 9));
        p.style = static_cast<Style>(r.between(0, 3));
        p.alignment = r.in(0, 1);
        p.capacity = std::max(r.in(0, 100), 1e-3);
        p.commitment = r.in(0, 1);
        p.expertise = r.in(0, 1);
        p.parallel_collaborations = r.between(1, 50);
        p.join_month = r.between(0, s.horizon_months - 1);
        p.kartrekker = r.chance(0.3);
        p.group = r.chance(0.5) ? "" : r.text(8, true);
        s.partners.push_back(std::move(p));
    }
    std::set<std::string> stream_names;
    const int streams = r.between(0, 4);
    for (int k = 0; k < streams; ++k) {
        FundingStream f;
        f.name = r.unique_name(stream_names);
        f.monthly_amount = r.in(0, 1e9);
        f.start_month = r.between(0, s.horizon_months - 1);
        f.end_month = r.chance(0.3) ? -1 : f.start_month + r.between(1, 1000);
        f.cofinancing_share = r.in(0, 1);
        s.funding.push_back(std::move(f));
    }
    std::set<std::string> common;
    const int interventions = r.between(0, 5);
    for (int k = 0; k < interventions; ++k) {
        s.interventions.push_back(random_intervention(r, s, common));
    }
    std::set<std::string> arm_names{"baseline"};
    const int arms = r.between(0, 3);
    for (int k = 0; k <= arms; ++k) {
        Arm arm;
        arm.name = k == 0 ? "baseline" : r.unique_name(arm_names, true);
        arm.description = r.chance(0.5) ? "" : r.text(20, true);
        std::set<std::string> names = common;
        const int own = k == 0 ? r.between(0, 1) : r.between(0, 4);
        for (int j = 0; j < own; ++j) {
            arm.interventions.push_back(random_intervention(r, s, names));
        }
        s.arms.push_back(std::move(arm));
    }
    return s;
}

LoadedScenario random_loaded_scenario(std::uint64_t seed) {
    LoadedScenario loaded;
    loaded.scenario = random_scenario(seed);
    Random r(seed ^ 0x5eedU);
    if (r.chance(0.6)) {
        SimFactors factors;
        for (auto& value : factors.values) {
            const int v = r.between(0, 2);
            value = v == 0 ? std::nullopt : std::optional<bool>(v == 1);
        }
        // `convenant = true` adds a covenant unless one is there: make sure one is.
        const auto& list = loaded.scenario.interventions;
        const bool has_covenant = std::any_of(
            list.begin(), list.end(),
            [](const InterventionSpec& i) { return i.kind == InterventionKind::covenant; });
        if (!has_covenant && factors.get(SimFactor::convenant) == true) {
            factors.set(SimFactor::convenant, false);
        }
        loaded.sim_factors = factors;
    }
    if (r.chance(0.6)) {
        ReflectionScores scores;
        const int participants = r.between(1, 5);
        for (int k = 0; k < participants; ++k) {
            ReflectionParticipant p;
            p.name = r.chance(0.5) ? "" : r.text(10, false);
            bool any = false;
            for (std::size_t t = 0; t < reflection_theme_count; ++t) {
                if (r.chance(0.8) || (!any && t + 1 == reflection_theme_count)) {
                    for (int q = 0; q < reflection_themes[t].questions; ++q) {
                        p.scores[t].push_back(r.between(1, 5));
                    }
                    any = true;
                }
            }
            scores.participants.push_back(std::move(p));
        }
        loaded.reflection = scores;
    }
    return loaded;
}

}  // namespace regiosim::test

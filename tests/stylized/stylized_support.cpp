#include "stylized_support.hpp"

#include <fmt/format.h>

#include <array>
#include <numeric>

#include "regiosim/analysis/kaplan_meier.hpp"
#include "regiosim/analysis/restricted_mean.hpp"
#include "regiosim/core/partner_defaults.hpp"
#include "regiosim/experiment/replications.hpp"

namespace regiosim::stylized {

namespace {

constexpr double z95 = 1.959963984540054;

PartnerSpec partner(const Scenario& s, std::string name, PartnerType type, Style style,
                    int parallel) {
    PartnerSpec p;
    p.name = std::move(name);
    p.type = type;
    p.style = style;
    p.alignment = default_alignment(style, s.model);
    p.commitment = default_commitment(style, s.model);
    p.capacity = default_capacity(type, s.model);
    p.expertise = s.model.initial_expertise;
    p.parallel_collaborations = parallel;
    return p;
}

// Hands out the styles of a mix one by one, following a repeating pattern so that each style
// is spread over schools and companies; a style whose count is used up is skipped.
std::vector<Style> styles_of(StyleMix mix) {
    constexpr std::array pattern = {Style::utilitair, Style::defensief, Style::utilitair,
                                    Style::offensief, Style::defensief, Style::overstijgend};
    auto remaining = [&mix](Style style) -> int& {
        switch (style) {
            case Style::defensief:
                return mix.defensief;
            case Style::utilitair:
                return mix.utilitair;
            case Style::offensief:
                return mix.offensief;
            case Style::overstijgend:
                break;
        }
        return mix.overstijgend;
    };
    std::vector<Style> out;
    while (mix.total() > 0) {
        for (Style style : pattern) {
            if (int& left = remaining(style); left > 0) {
                --left;
                out.push_back(style);
            }
        }
    }
    return out;
}

analysis::KaplanMeier km_of(const ArmOutcomes& o) {
    analysis::SurvivalData d;
    for (std::size_t r = 0; r < o.size(); ++r) {
        d.time.push_back(o.months_survived[r]);
        d.event.push_back(o.ended[r]);
    }
    return analysis::kaplan_meier(d);
}

}  // namespace

StyleMix literature_mix(int n) {
    StyleMix m;
    m.utilitair = n / 2;
    m.defensief = n / 3;
    const int rest = n - m.utilitair - m.defensief;
    m.offensief = rest / 2;
    m.overstijgend = rest - m.offensief;
    return m;
}

Scenario make_region(int schools, int companies, StyleMix mix, int parallel) {
    Scenario s;
    s.name = "stylized";
    s.horizon_months = 180;
    s.seed = 20261122;
    const auto styles = styles_of(mix);
    std::size_t k = 0;
    for (int i = 0; i < schools; ++i) {
        s.partners.push_back(partner(s, fmt::format("school {}", i + 1), PartnerType::vo_school,
                                     styles[k++ % styles.size()], parallel));
    }
    s.partners.push_back(partner(s, "mbo", PartnerType::mbo, Style::utilitair, parallel));
    s.partners.push_back(
        partner(s, "gemeente", PartnerType::municipality, Style::offensief, parallel));
    s.partners.push_back(
        partner(s, "makelaar", PartnerType::broker, Style::overstijgend, parallel));
    for (int i = 0; i < companies; ++i) {
        s.partners.push_back(partner(s, fmt::format("bedrijf {}", i + 1), PartnerType::company,
                                     styles[k++ % styles.size()], parallel));
    }
    FundingStream subsidy;
    subsidy.name = "programme subsidy";
    subsidy.monthly_amount = 15.0;
    subsidy.end_month = 48;
    s.funding.push_back(subsidy);
    s.arms.push_back(Arm{"baseline", "no interventions", {}});
    return s;
}

InterventionSpec intervention(InterventionKind kind, std::string name) {
    InterventionSpec spec;
    spec.kind = kind;
    spec.name = name.empty() ? std::string(to_string(kind)) : std::move(name);
    return spec;
}

Scenario& add_arm(Scenario& scenario, std::string name,
                  std::vector<InterventionSpec> interventions) {
    scenario.arms.push_back(Arm{std::move(name), {}, std::move(interventions)});
    return scenario;
}

ArmOutcomes run_arm(const Scenario& scenario, const std::string& arm, int replications) {
    ReplicationPlan plan;
    plan.arms = {arm};
    plan.replications = replications;
    return run_replications(scenario, plan).front();
}

Effect mean_difference(const std::vector<double>& a, const std::vector<double>& b) {
    auto moments = [](const std::vector<double>& v) {
        const double n = static_cast<double>(v.size());
        const double mean = std::accumulate(v.begin(), v.end(), 0.0) / n;
        double ss = 0.0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return std::make_pair(mean, ss / (n - 1.0) / n);
    };
    const auto [ma, va] = moments(a);
    const auto [mb, vb] = moments(b);
    const double d = ma - mb;
    const double se = std::sqrt(va + vb);
    return {d, d - z95 * se, d + z95 * se};
}

Effect proportion_difference(int hits_a, int n_a, int hits_b, int n_b) {
    const double pa = static_cast<double>(hits_a) / n_a;
    const double pb = static_cast<double>(hits_b) / n_b;
    const double se = std::sqrt(pa * (1 - pa) / n_a + pb * (1 - pb) / n_b);
    return {pa - pb, pa - pb - z95 * se, pa - pb + z95 * se};
}

Effect proportion(int hits, int n) {
    const double p = static_cast<double>(hits) / n;
    const double z2 = z95 * z95;
    const double centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    const double half = z95 * std::sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1.0 + z2 / n);
    return {p, centre - half, centre + half};
}

Effect rmst_difference_years(const ArmOutcomes& a, const ArmOutcomes& b, double horizon_months) {
    const auto d = analysis::rmst_difference(km_of(a), km_of(b), horizon_months);
    return {d.difference / 12.0, d.lower / 12.0, d.upper / 12.0};
}

std::vector<double> as_double(const std::vector<int>& v) {
    return {v.begin(), v.end()};
}

void report(const std::string& fact, const std::string& label, const Effect& e) {
    fmt::print("{}: {} = {:.3f} (95% CI {:.3f} to {:.3f})\n", fact, label, e.estimate, e.lower,
               e.upper);
}

}  // namespace regiosim::stylized

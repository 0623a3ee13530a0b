// The last step of resolution: the SIM factors and then the reflection tool fill the values
// the file leaves unset, partners get their remaining defaults, and the arms are put in order.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "regiosim/core/partner_defaults.hpp"
#include "resolve.hpp"

namespace regiosim::detail {

double adjusted_parameter(double current, const ParameterAdjustment& adjustment) {
    const ParameterInfo* info = find_parameter(adjustment.key);
    if (info == nullptr) {
        return current;
    }
    double value = current;
    switch (adjustment.operation) {
        case ParameterAdjustment::Operation::set:
            value = adjustment.value;
            break;
        case ParameterAdjustment::Operation::add:
            value = current + adjustment.value;
            break;
        case ParameterAdjustment::Operation::multiply:
            value = current * adjustment.value;
            break;
    }
    return std::clamp(value, info->min, info->max);
}

namespace {

double clamp01(double value) {
    return std::clamp(value, 0.0, 1.0);
}

void apply_to_model(const std::vector<StartingAdjustments>& steps, Draft& draft) {
    const auto table = parameter_table();
    Scenario& s = draft.scenario;
    for (const auto& step : steps) {
        for (const auto& adjustment : step.parameters) {
            const ParameterInfo* info = find_parameter(adjustment.key);
            if (info == nullptr || draft.model_set[static_cast<std::size_t>(info - table.data())]) {
                continue;
            }
            s.model.*(info->field) = adjusted_parameter(s.model.*(info->field), adjustment);
        }
        if (step.money_settled && !draft.money_settled_set) {
            s.context.money_settled = *step.money_settled;
        }
        if (step.existing_structure && !draft.existing_structure_set) {
            s.context.existing_structure = *step.existing_structure;
        }
    }
}

void fill_partner(const std::vector<StartingAdjustments>& steps, const ModelParameters& model,
                  PartnerDraft& d) {
    PartnerSpec& p = d.spec;
    const bool placement_provider =
        p.type == PartnerType::company || p.type == PartnerType::welfare;
    if (!d.has_alignment) {
        p.alignment = default_alignment(p.style, model);
        for (const auto& step : steps) {
            p.alignment = clamp01(p.alignment + step.alignment_delta);
        }
    }
    if (!d.has_commitment) {
        p.commitment = default_commitment(p.style, model);
        for (const auto& step : steps) {
            p.commitment =
                clamp01(p.commitment + step.commitment_delta +
                        (placement_provider ? step.placement_provider_commitment_delta : 0.0));
        }
    }
    if (!d.has_expertise) {
        p.expertise = model.initial_expertise;
        for (const auto& step : steps) {
            p.expertise = clamp01(p.expertise + step.expertise_delta);
        }
    }
    if (!d.has_capacity) {
        p.capacity = default_capacity(p.type, model);
    }
    if (!d.has_kartrekker) {
        p.kartrekker = std::any_of(steps.begin(), steps.end(),
                                   [](const StartingAdjustments& a) { return a.all_kartrekkers; });
    }
}

// The SIM factor `convenant` adds a covenant under a name no intervention uses yet, with the
// term `sim_factor.covenant_term_months`.
void add_covenant(Draft& draft, Scenario& s) {
    const bool has_one =
        std::any_of(s.interventions.begin(), s.interventions.end(),
                    [](const InterventionSpec& i) { return i.kind == InterventionKind::covenant; });
    if (has_one) {
        return;
    }
    auto used = [&](const std::string& name) {
        auto named = [&](const InterventionDraft& d) { return d.spec.name == name; };
        return std::any_of(draft.interventions.begin(), draft.interventions.end(), named) ||
               std::any_of(draft.arms.begin(), draft.arms.end(), [&](const ArmDraft& arm) {
                   return std::any_of(arm.interventions.begin(), arm.interventions.end(), named);
               });
    };
    InterventionSpec covenant;
    covenant.kind = InterventionKind::covenant;
    covenant.name = "covenant";
    for (int n = 2; used(covenant.name); ++n) {
        covenant.name = fmt::format("covenant (SIM factor {})", n);
    }
    covenant.start_month = 0;
    covenant.term_months = static_cast<int>(std::lround(s.model.sim_factor_covenant_term_months));
    covenant.renew = true;
    s.interventions.push_back(std::move(covenant));
}

}  // namespace

LoadedScenario finish_draft(Draft&& draft, DiagnosticSink& sink) {
    // SIM factors first, then the reflection tool. Both are sized by the model parameters as
    // the file sets them ([model.sim_factor], [model.reflection] already read); no instrument
    // adjusts those, so computing both steps before applying either is exact.
    std::vector<StartingAdjustments> steps;
    const ModelParameters& mapping = draft.scenario.model;
    if (draft.sim_factors) {
        steps.push_back(sim_factor_adjustments(*draft.sim_factors, mapping));
    }
    if (draft.reflection) {
        steps.push_back(reflection_adjustments(*draft.reflection, mapping));
    }
    apply_to_model(steps, draft);
    Scenario& s = draft.scenario;

    bool reported_capacity = false;
    for (auto& d : draft.partners) {
        fill_partner(steps, s.model, d);
        if (!(d.spec.capacity > 0.0) && !reported_capacity) {
            sink.add(d.where, d.path + ".capacity",
                     fmt::format("the default capacity of a {} is 0 (from model.initial.*)",
                                 to_string(d.spec.type)),
                     "valid: set capacity > 0 for this partner, or raise the model.initial "
                     "capacity of its type");
            reported_capacity = true;
        }
        s.partners.push_back(d.spec);
    }
    for (auto& f : draft.funding) {
        s.funding.push_back(f.stream);
    }
    for (auto& i : draft.interventions) {
        s.interventions.push_back(i.spec);
    }
    if (std::any_of(steps.begin(), steps.end(),
                    [](const StartingAdjustments& a) { return a.add_covenant; })) {
        add_covenant(draft, s);
    }

    // arms[0] is always the baseline: insert an empty one or move the file's to the front.
    for (auto& a : draft.arms) {
        Arm arm;
        arm.name = a.name ? a.name->name : "";
        arm.description = a.description;
        for (auto& i : a.interventions) {
            arm.interventions.push_back(i.spec);
        }
        s.arms.push_back(std::move(arm));
    }
    auto baseline = std::find_if(s.arms.begin(), s.arms.end(),
                                 [](const Arm& arm) { return arm.name == "baseline"; });
    if (baseline == s.arms.end()) {
        s.arms.insert(s.arms.begin(), Arm{"baseline", "", {}});
    } else {
        std::rotate(s.arms.begin(), baseline, baseline + 1);
    }
    sink.throw_if_any();
    return LoadedScenario{
        std::move(s), std::move(draft.reflection), std::move(draft.sim_factors), {}};
}

}  // namespace regiosim::detail

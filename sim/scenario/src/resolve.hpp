#pragma once

// Resolution turns the merged TOML tree into a Scenario in steps, one file each. A Draft holds
// what has been read so far and which values the file set explicitly: the instruments (SIM
// factors, reflection tool) may only fill the others.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic_sink.hpp"
#include "document.hpp"
#include "regiosim/core/scenario.hpp"
#include "regiosim/scenario/loader.hpp"
#include "table_reader.hpp"

namespace regiosim::detail {

/// A name written in the file and where, for reference checks and duplicate messages.
struct NameRef {
    std::string name;
    Loc where;
    std::string path;
};

struct PartnerDraft {
    PartnerSpec spec;
    std::string path;  ///< partners[3], or partner_groups[1] for generated ones
    Loc where;
    bool has_alignment = false;
    bool has_capacity = false;
    bool has_commitment = false;
    bool has_expertise = false;
    bool has_kartrekker = false;
};

struct FundingDraft {
    FundingStream stream;
    std::string path;
};

struct InterventionDraft {
    InterventionSpec spec;
    std::string path;
    Loc where;
    std::optional<NameRef> name;  ///< as written (absent: the kind's name)
    std::optional<NameRef> leader;
    std::vector<NameRef> members;
    std::optional<NameRef> funded_by;
};

struct ArmDraft {
    std::string path;
    std::optional<NameRef> name;
    std::string description;
    std::vector<InterventionDraft> interventions;
};

struct Draft {
    Scenario scenario;            ///< scalars, model and context as the file states them
    std::vector<bool> model_set;  ///< per parameter_table() entry: set by the file
    bool money_settled_set = false;
    bool existing_structure_set = false;
    bool horizon_known = true;  ///< false when the horizon keys were invalid
    Loc root;

    std::vector<PartnerDraft> partners;
    bool partners_complete = true;  ///< false when errors left partners out: skip reference checks
    std::vector<FundingDraft> funding;
    bool funding_complete = true;
    std::vector<InterventionDraft> interventions;
    std::vector<ArmDraft> arms;

    std::optional<SimFactors> sim_factors;
    std::optional<ReflectionScores> reflection;
};

/// The problem/valid texts for a `remove` key left in a file that extends nothing.
inline constexpr const char* remove_outside_extends =
    "`remove` only applies in a file that extends another";
inline constexpr const char* remove_valid =
    "valid: set [scenario] extends = \"base.toml\", or delete this entry instead";

/// A seed: an integer 0 … 2^63−1, or a string of decimal digits up to 2^64−1
/// (resolve_scenario.cpp).
std::optional<std::uint64_t> read_seed(const Node& node, const std::string& path,
                                       DiagnosticSink& sink);

/// [scenario], [context] and [model] (resolve_scenario.cpp).
void resolve_scenario_section(TableReader& top, Draft& draft);
/// [[partners]] and [[partner_groups]], expanded, names unique (resolve_partners.cpp).
void resolve_partners(TableReader& top, Draft& draft);
/// [[funding]] (resolve_funding.cpp).
void resolve_funding(TableReader& top, Draft& draft);
/// [[interventions]] and [[arms]] with their references to partners and funding
/// (resolve_interventions.cpp). Needs partners and funding resolved first.
void resolve_interventions(TableReader& top, Draft& draft);
/// [sim_factors] (sim_factors.cpp).
std::optional<SimFactors> read_sim_factors(TableReader& top);
/// [reflection] with its [[reflection.participants]] (reflection_tool.cpp).
std::optional<ReflectionScores> read_reflection(TableReader& top, bool required);
/// Applies the instruments to unset values, fills partner defaults, orders the arms
/// (apply_instruments.cpp). Reports values that resolve to something invalid.
LoadedScenario finish_draft(Draft&& draft, DiagnosticSink& sink);

/// `current` changed by `adjustment` and clamped into the parameter's registry range
/// (apply_instruments.cpp). Unknown keys leave `current` unchanged.
double adjusted_parameter(double current, const ParameterAdjustment& adjustment);

/// Follows `[scenario] extends` and overlays `document` on its bases (extends.cpp).
/// `chain` holds the canonical paths of the files being loaded (for cycle detection).
/// Sets `base_missing` when a base could not be used (bad name, cycle, chain too deep, or not
/// in `allowed`: when given, the names `document` itself may extend; its bases are trusted).
Node apply_extends(Node document, const std::filesystem::path& base_dir,
                   std::vector<std::filesystem::path>& chain, DiagnosticSink& sink,
                   bool& base_missing, const std::vector<std::string>* allowed = nullptr);

/// The whole resolution of a merged tree; throws DataError with everything in `sink`.
/// With `base_missing`, checks that need the whole scenario (an empty region, references to
/// partners and funding) are skipped: their findings would only echo the missing base.
LoadedScenario resolve_document(const Node& root, DiagnosticSink& sink, bool base_missing);

}  // namespace regiosim::detail

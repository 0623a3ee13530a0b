#include "regiosim/scenario/loader.hpp"

#include <memory>
#include <system_error>

#include "regiosim/scenario/writer.hpp"
#include "resolve.hpp"

namespace regiosim {

namespace detail {

LoadedScenario resolve_document(const Node& root, DiagnosticSink& sink, bool base_missing) {
    Draft draft;
    draft.root = root.where;
    draft.partners_complete = !base_missing;
    draft.funding_complete = !base_missing;
    TableReader top(root, "", sink);
    resolve_scenario_section(top, draft);
    resolve_partners(top, draft);
    resolve_funding(top, draft);
    resolve_interventions(top, draft);
    draft.sim_factors = read_sim_factors(top);
    draft.reflection = read_reflection(top, false);
    top.report_unknown_keys();
    return finish_draft(std::move(draft), sink);
}

}  // namespace detail

namespace {

namespace fs = std::filesystem;

fs::path canonical_or_self(const fs::path& path) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(path, ec);
    return ec ? path.lexically_normal() : canonical;
}

LoadedScenario load(std::string_view text, const std::string& display_name,
                    const fs::path& base_dir, const fs::path& own_path,
                    const std::vector<std::string>* allowed_extends = nullptr) {
    using namespace detail;
    Node document = parse_document(text, std::make_shared<const std::string>(display_name));
    DiagnosticSink sink;
    // The loaded file heads the chain, so a base that extends it back is reported as a cycle.
    std::vector<fs::path> chain{canonical_or_self(own_path)};
    bool base_missing = false;
    const Node merged =
        apply_extends(std::move(document), base_dir, chain, sink, base_missing, allowed_extends);
    LoadedScenario loaded = resolve_document(merged, sink, base_missing);
    loaded.resolved_text = to_toml(loaded);
    return loaded;
}

}  // namespace

LoadedScenario load_scenario_detailed(const std::filesystem::path& file) {
    const std::string text = detail::read_input_file(file);
    return load(text, file.string(), file.parent_path(), file);
}

LoadedScenario load_scenario_detailed_from_string(std::string_view text,
                                                  const std::string& display_name,
                                                  const std::filesystem::path& base_dir) {
    return load(text, display_name, base_dir, base_dir / display_name);
}

LoadedScenario load_scenario_detailed_from_string(std::string_view text,
                                                  const std::string& display_name,
                                                  const std::filesystem::path& base_dir,
                                                  const std::vector<std::string>& allowed_extends) {
    return load(text, display_name, base_dir, base_dir / display_name, &allowed_extends);
}

Scenario load_scenario(const std::filesystem::path& file) {
    return load_scenario_detailed(file).scenario;
}

Scenario load_scenario_from_string(std::string_view text, const std::string& display_name,
                                   const std::filesystem::path& base_dir) {
    return load_scenario_detailed_from_string(text, display_name, base_dir).scenario;
}

std::vector<Diagnostic> validate_scenario_file(const std::filesystem::path& file) {
    try {
        (void)load_scenario_detailed(file);
    } catch (const DataError& error) {
        return error.diagnostics();
    }
    return {};
}

}  // namespace regiosim

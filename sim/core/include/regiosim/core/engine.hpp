#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "regiosim/core/enum_names.hpp"
#include "regiosim/core/intervention.hpp"
#include "regiosim/core/run_result.hpp"

namespace regiosim {

/// Which implementation of the model runs: the fast, vectorised engine (`sim/core`) or the plain
/// reference engine (`sim/reference`), which states each rule of docs/ODD.md as written and
/// against which the fast one is tested. Both take the same Scenario and random-number contract
/// and give the same RunResult.
enum class EngineKind : unsigned char { fast, reference };

inline constexpr std::array<std::string_view, 2> engine_kind_names = {"fast", "reference"};

[[nodiscard]] constexpr std::string_view to_string(EngineKind kind) noexcept {
    return engine_kind_names[static_cast<std::size_t>(kind)];
}

[[nodiscard]] constexpr std::optional<EngineKind> parse_engine_kind(
    std::string_view name) noexcept {
    return parse_enum<EngineKind>(engine_kind_names, name);
}

/// One arm of a scenario, ready to run many times: what the experiment engine, the command line
/// and the tests need of either implementation. A run is a pure function of (scenario, arm,
/// seed, run index).
class Engine {
  public:
    Engine() = default;
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;
    Engine(Engine&&) = delete;
    Engine& operator=(Engine&&) = delete;
    virtual ~Engine() = default;

    /// Runs run `run_index` of seed `seed` to its end; the result stays valid until the next
    /// run.
    virtual const RunResult& run(std::uint64_t seed, std::uint64_t run_index) = 0;

    /// The scenario's common interventions followed by the arm's (the list RunResult::spent and
    /// the events' intervention indices refer to).
    [[nodiscard]] virtual const std::vector<InterventionSpec>& interventions() const noexcept = 0;
};

}  // namespace regiosim

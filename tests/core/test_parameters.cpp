// The parameter table (parameters.def): bounds, key format, lookup.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "regiosim/core/parameters.hpp"

using namespace regiosim;

namespace {

bool is_identifier(std::string_view s) {
    if (s.empty() || !std::islower(static_cast<unsigned char>(s.front()))) {
        return false;
    }
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (!(std::islower(c) || std::isdigit(c) || ch == '_')) {
            return false;
        }
    }
    return true;
}

}  // namespace

TEST_CASE("every parameter default lies within its range", "[parameters]") {
    const auto table = parameter_table();
    REQUIRE(table.size() > 100);
    const ModelParameters defaults;
    for (const auto& info : table) {
        INFO(info.key);
        CHECK(info.min <= info.max);
        CHECK(info.default_value >= info.min);
        CHECK(info.default_value <= info.max);
        // The struct's member initialiser and the table agree.
        CHECK(defaults.*info.field == info.default_value);
        CHECK_FALSE(info.unit.empty());
        CHECK_FALSE(info.meaning.empty());
        CHECK_FALSE(info.source.empty());
    }
}

TEST_CASE("parameter keys are unique and look like group.name", "[parameters]") {
    std::set<std::string_view> keys;
    std::vector<double ModelParameters::*> fields;
    for (const auto& info : parameter_table()) {
        INFO(info.key);
        CHECK(keys.insert(info.key).second);
        // Member pointers have no order: compare with every field seen so far.
        CHECK(std::find(fields.begin(), fields.end(), info.field) == fields.end());
        fields.push_back(info.field);
        CHECK(is_identifier(info.group));
        CHECK(is_identifier(info.name));
        CHECK(std::string(info.key) == std::string(info.group) + "." + std::string(info.name));
    }
}

TEST_CASE("find_parameter round-trips every key", "[parameters]") {
    for (const auto& info : parameter_table()) {
        INFO(info.key);
        const ParameterInfo* found = find_parameter(info.key);
        REQUIRE(found != nullptr);
        CHECK(found == &info);
        CHECK(found->field == info.field);
    }
    const auto* build = find_parameter("trust.build_rate");
    REQUIRE(build != nullptr);
    CHECK(build->default_value == 0.10);
    ModelParameters p;
    p.*(build->field) = 0.42;
    CHECK(p.trust_build_rate == 0.42);

    CHECK(find_parameter("") == nullptr);
    CHECK(find_parameter("trust") == nullptr);
    CHECK(find_parameter("trust.build") == nullptr);
    CHECK(find_parameter("trust_build_rate") == nullptr);
    CHECK(find_parameter("Trust.build_rate") == nullptr);
}

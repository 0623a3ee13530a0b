#pragma once

#include <string_view>

namespace regiosim::server {

/// How deep a request's JSON may nest: a class setting needs 3 levels.
inline constexpr int max_json_nesting = 16;

/// Throws RequestError 400 when `body` nests arrays or objects deeper than `max_depth`. Checked
/// before parsing, so a megabyte of `[[[[` costs one pass over the text and no recursion.
void check_json_nesting(std::string_view body, int max_depth);

}  // namespace regiosim::server

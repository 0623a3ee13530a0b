#include "regiosim/server/json_limits.hpp"

#include <fmt/format.h>

#include "regiosim/server/request_error.hpp"

namespace regiosim::server {

void check_json_nesting(std::string_view body, int max_depth) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (const char c : body) {
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) {
                throw RequestError(
                    400, fmt::format("the request's JSON nests deeper than {} levels", max_depth));
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
}

}  // namespace regiosim::server

// Writes the report of an analysis JSON file, for the browser test:
//   render_report_fixture ANALYSIS.json OUT.html
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "regiosim/report/report_html.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: render_report_fixture ANALYSIS.json OUT.html\n";
        return 64;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << "render_report_fixture: cannot read " << argv[1] << '\n';
        return 66;
    }
    std::ofstream out(argv[2], std::ios::binary);
    out << regiosim::report::render_report_html(nlohmann::json::parse(in));
    if (!out) {
        std::cerr << "render_report_fixture: cannot write " << argv[2] << '\n';
        return 73;
    }
    return 0;
}

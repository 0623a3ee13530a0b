// How the server shares out its connection slots (connection_slots.hpp), counted directly.
#include "regiosim/server/connection_slots.hpp"

#include <catch2/catch.hpp>
#include <string>

using regiosim::server::Admission;
using regiosim::server::ConnectionPolicy;
using regiosim::server::ConnectionSlots;

TEST_CASE("one address holds at most its share of the connections", "[server]") {
    ConnectionSlots slots(ConnectionPolicy{10, 3, 2});
    for (int i = 0; i < 3; ++i) {
        CHECK(slots.admit("10.0.0.1") == Admission::admitted);
    }
    CHECK(slots.admit("10.0.0.1") == Admission::client_full);
    CHECK(slots.open_from("10.0.0.1") == 3);
    slots.release("10.0.0.1");
    CHECK(slots.admit("10.0.0.1") == Admission::admitted);  // a slot given back can be taken
    CHECK(slots.open() == 3);
}

TEST_CASE("the reserved slots go only to addresses that hold none", "[server]") {
    ConnectionSlots slots(ConnectionPolicy{10, 100, 2});
    for (int i = 0; i < 8; ++i) {
        CHECK(slots.admit("10.0.0.1") == Admission::admitted);
    }
    CHECK(slots.admit("10.0.0.1") == Admission::server_full);  // 8 = 10 − 2 reserved
    CHECK(slots.admit("10.0.0.2") == Admission::admitted);
    CHECK(slots.admit("10.0.0.2") == Admission::server_full);  // it holds one now
    CHECK(slots.admit("10.0.0.3") == Admission::admitted);
    CHECK(slots.admit("10.0.0.4") == Admission::server_full);  // all 10 taken
    CHECK(slots.open() == 10);
}

TEST_CASE("the count of addresses is bounded by the connections and forgets closed ones",
          "[server]") {
    ConnectionSlots slots(ConnectionPolicy{16, 4, 4});
    int admitted = 0;
    for (int i = 0; i < 1000; ++i) {
        admitted += slots.admit("10.0." + std::to_string(i / 250) + "." +
                                std::to_string(i % 250)) == Admission::admitted;
    }
    CHECK(admitted == 16);
    CHECK(slots.clients() == 16);
    for (int i = 0; i < 16; ++i) {
        slots.release("10.0.0." + std::to_string(i));
    }
    CHECK(slots.clients() == 0);
    CHECK(slots.open() == 0);
    slots.release("10.9.9.9");  // never admitted: nothing to give back, nothing goes negative
    CHECK(slots.open() == 0);
}

#pragma once

#include <vector>

#include "regiosim/core/run_result.hpp"

namespace regiosim {

/// Appends to a run's preallocated event list without ever growing it: the monthly step must
/// not allocate. Events beyond the capacity are counted, not stored.
class EventLog {
  public:
    EventLog(std::vector<Event>& events, int& dropped) noexcept
        : events_(&events), dropped_(&dropped) {}

    void add(int month, EventKind kind, int partner = -1, int intervention = -1,
             double before = 0.0, double after = 0.0) noexcept {
        if (events_->size() < events_->capacity()) {
            events_->push_back(Event{month, kind, partner, intervention, before, after});
        } else {
            ++*dropped_;
        }
    }

  private:
    std::vector<Event>* events_;
    int* dropped_;
};

}  // namespace regiosim

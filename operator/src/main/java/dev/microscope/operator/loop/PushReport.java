package dev.microscope.operator.loop;

import dev.microscope.operator.control.ActionType;
import dev.microscope.operator.control.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How one push of desired state to the admin APIs went (chaos to every worker host, traffic to
 * every traffic generator), and what that makes of the cycle's decisions it carried.
 *
 * @param what what was pushed, for messages: "chaos", "traffic"
 * @param total calls that should have been made (a host without an address counts as failed)
 * @param errors one text per failed call
 */
record PushReport(String what, int total, List<String> errors) {
  PushReport {
    errors = List.copyOf(errors);
  }

  static PushReport none(String what) {
    return new PushReport(what, 0, List.of());
  }

  boolean failed() {
    return !errors.isEmpty();
  }

  String summary() {
    return errors.size()
        + " of "
        + total
        + " "
        + what
        + " calls failed: "
        + errors.get(0)
        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
  }

  /**
   * The decisions of {@code types} that were applied become failed when every call failed, and
   * carry the failures as a note when some did. When the cycle took no such decision, a failure
   * still gets an entry of its own (made by {@code entry}), so a worker that misses its lease
   * renewals shows in the decision log.
   */
  List<ActedDecision> settle(
      List<ActedDecision> acted, Set<ActionType> types, Supplier<Decision> entry) {
    if (!failed()) {
      return acted;
    }
    List<ActedDecision> out = new ArrayList<>();
    boolean carried = false;
    for (ActedDecision a : acted) {
      if (a.result() == ActedDecision.Result.APPLIED && types.contains(a.decision().action())) {
        carried = true;
        out.add(
            errors.size() == total
                ? ActedDecision.failed(a.decision(), summary())
                : ActedDecision.applied(a.decision(), summary()));
      } else {
        out.add(a);
      }
    }
    if (!carried) {
      out.add(ActedDecision.failed(entry.get(), summary()));
    }
    return out;
  }
}

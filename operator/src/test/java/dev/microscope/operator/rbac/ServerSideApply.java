package dev.microscope.operator.rbac;

import java.util.Set;
import java.util.stream.Stream;

/**
 * The calls a cluster sees for a call the tests saw. The tests run the operator without server-side
 * apply (the mock server has none); in a cluster it writes its own objects, and the fleet's status
 * and finalizer, with apply patches instead. An apply that creates an object is authorized as patch
 * and as create; one that changes an object as patch. Objects the operator writes with plain calls
 * keep their verbs.
 */
final class ServerSideApply {
  /** group/resource written with plain create and update calls in a cluster too. */
  private static final Set<String> PLAIN_WRITES =
      Set.of(
          "/events", // FleetEvents: one create per event
          "coordination.k8s.io/leases" // leader election: create, then update to renew
          );

  private ServerSideApply() {}

  static Stream<ApiCall> inCluster(ApiCall call) {
    if (!call.isResourceRequest() || PLAIN_WRITES.contains(call.group() + "/" + call.resource())) {
      return Stream.of(call);
    }
    return switch (call.verb()) {
      case "create" -> Stream.of(call, call.withVerb("patch"));
      case "update" -> Stream.of(call.withVerb("patch"));
      default -> Stream.of(call);
    };
  }
}

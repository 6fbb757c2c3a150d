package dev.microscope.operator.rbac;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.ConfigurationService;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The calls a cluster sees for a call the tests saw. The tests run the operator without server-side
 * apply (the mock server has none); in a cluster it writes its own objects, and the fleet's status
 * and finalizer, with apply patches instead. An apply that creates an object is authorized as patch
 * and as create; one that changes an object as patch. Objects the operator writes with plain calls
 * keep their verbs: events, the Lease, and the kinds JOSDK never applies (ConfigMaps and Secrets,
 * by its defaultNonSSAResources).
 */
final class ServerSideApply {
  /** group/resource written with plain create and update calls in a cluster too. */
  private final Set<String> plainWrites = new HashSet<>();

  /**
   * @param josdk the operator's configuration: the kinds it never writes with apply patches
   */
  ServerSideApply(ConfigurationService josdk) {
    plainWrites.add("/events"); // FleetEvents: one create per event
    plainWrites.add("coordination.k8s.io/leases"); // leader election: create, then renew
    for (var type : josdk.defaultNonSSAResources()) {
      plainWrites.add(HasMetadata.getGroup(type) + "/" + HasMetadata.getPlural(type));
    }
  }

  Stream<ApiCall> inCluster(ApiCall call) {
    if (!call.isResourceRequest() || plainWrites.contains(call.group() + "/" + call.resource())) {
      return Stream.of(call);
    }
    return switch (call.verb()) {
      case "create" -> Stream.of(call, call.withVerb("patch"));
      case "update" -> Stream.of(call.withVerb("patch"));
      default -> Stream.of(call);
    };
  }
}

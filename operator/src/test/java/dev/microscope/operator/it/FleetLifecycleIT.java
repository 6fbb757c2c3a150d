package dev.microscope.operator.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator in-process against a real API server with server-side apply on, as production runs
 * it, with cluster-admin rights: a fleet created, changed, broken and fixed, paused and deleted.
 */
@ExtendWith(RealCluster.class)
class FleetLifecycleIT {
  @Test
  void aFleetFromCreationToGarbageCollection(ControlPlane cluster, TestNamespace namespace) {
    try (var operator =
        InProcessOperator.start(cluster.adminConfig(), "--namespaces", namespace.name())) {
      FleetLifecycle.run(new FleetUnderTest(cluster.admin(), namespace.name(), "demo"), operator);
    }
  }
}

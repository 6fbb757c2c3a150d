/**
 * The integration tier: the operator against a real Kubernetes control plane (etcd, kube-apiserver,
 * kube-controller-manager of the release e2e/k8s-bin/env.sh pins, built by e2e/k8s-bin/build.sh),
 * where the mock API server of the unit tests has no schema validation, no server-side apply, no
 * RBAC, no garbage collection and no controllers.
 *
 * <p>{@link dev.microscope.operator.it.RealCluster} starts one control plane per test run and gives
 * each test a fresh namespace; {@link dev.microscope.operator.it.ControlPlane} starts the processes
 * itself rather than through fabric8 kube-api-test: kube-api-test 7.5.2 binds etcd to 0.0.0.0 (its
 * flags are fixed in code), writes its certificates into the binaries' folder, cannot restart the
 * API server on the same etcd, and has no controller manager, which would need its certificates
 * anyway. Certificates come from {@link dev.microscope.operator.it.ClusterPki}, in the JVM.
 *
 * <p>The operator runs in-process as {@code microscope operator <flags>} wires it ({@link
 * dev.microscope.operator.it.InProcessOperator}), or as the real jar ({@code OperatorProcessIT}).
 */
package dev.microscope.operator.it;

package dev.microscope.operator.rbac;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The chart's single source of the operator's RBAC ({@code
 * helm/microscope/files/operator-rbac.yaml}), granted the way the chart grants it.
 *
 * @param fleets rules in the namespaces of fleets: a ClusterRole when the operator watches every
 *     namespace, a Role in each namespace when it watches a list
 * @param cluster rules on cluster-scoped objects: always a ClusterRole
 * @param leaderElection rules in the operator's own namespace, with leader election
 */
record OperatorRules(List<Rule> fleets, List<Rule> cluster, List<Rule> leaderElection) {
  static final String FILE = "helm/microscope/files/operator-rbac.yaml";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  /** An RBAC PolicyRule. */
  record Rule(
      List<String> apiGroups,
      List<String> resources,
      List<String> resourceNames,
      List<String> verbs) {
    Rule {
      resourceNames = resourceNames == null ? List.of() : resourceNames;
    }

    boolean grants(ApiCall call) {
      return call.isResourceRequest()
          && apiGroups.contains(call.group())
          && resources.contains(call.resource())
          && verbs.contains(call.verb())
          && (resourceNames.isEmpty() || resourceNames.contains(call.name()));
    }

    /** Every (verb, group, resource) this rule grants. */
    Stream<Permission> permissions() {
      return verbs.stream()
          .flatMap(
              v ->
                  apiGroups.stream()
                      .flatMap(g -> resources.stream().map(r -> new Permission(v, g, r))));
    }

    boolean hasWildcard() {
      return Stream.of(apiGroups, resources, resourceNames, verbs)
          .flatMap(List::stream)
          .anyMatch(s -> s.contains("*"));
    }
  }

  static OperatorRules load(Path repositoryRoot) {
    try {
      return YAML.readValue(repositoryRoot.resolve(FILE).toFile(), OperatorRules.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether the chart lets the operator make this call.
   *
   * @param watched the namespaces the operator watches; empty for all
   * @param operatorNamespace where the operator runs (and keeps its Lease)
   */
  boolean grants(ApiCall call, Set<String> watched, String operatorNamespace) {
    if (call.namespace() == null) {
      return anyGrants(cluster, call) || (watched.isEmpty() && anyGrants(fleets, call));
    }
    if (call.namespace().equals(operatorNamespace) && anyGrants(leaderElection, call)) {
      return true;
    }
    return (watched.isEmpty() || watched.contains(call.namespace())) && anyGrants(fleets, call);
  }

  /** The rules the operator holds in one namespace, as a SelfSubjectRulesReview reports them. */
  List<Rule> heldIn(String namespace, Set<String> watched, String operatorNamespace) {
    var held = new java.util.ArrayList<Rule>(cluster);
    if (namespace.equals(operatorNamespace)) {
      held.addAll(leaderElection);
    }
    if (watched.isEmpty() || watched.contains(namespace)) {
      held.addAll(fleets);
    }
    return held;
  }

  Stream<Rule> all() {
    return Stream.of(fleets, cluster, leaderElection).flatMap(List::stream);
  }

  private static boolean anyGrants(List<Rule> rules, ApiCall call) {
    return rules.stream().anyMatch(r -> r.grants(call));
  }
}

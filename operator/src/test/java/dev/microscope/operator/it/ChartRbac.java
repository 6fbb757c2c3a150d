package dev.microscope.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The operator's identity and rights as helm/microscope installs them: the chart rendered with
 * helm-java (leader election on, as with several replicas), its ServiceAccount, ClusterRole, Roles
 * and bindings applied to the cluster, and client settings that impersonate that ServiceAccount.
 * The operator's flags are the rendered Deployment's.
 */
final class ChartRbac {
  private static final Set<Class<? extends HasMetadata>> RBAC_KINDS =
      Set.of(
          ServiceAccount.class,
          ClusterRole.class,
          ClusterRoleBinding.class,
          Role.class,
          RoleBinding.class);

  private final List<HasMetadata> manifests;
  private final String namespace;

  private ChartRbac(List<HasMetadata> manifests, String namespace) {
    this.manifests = manifests;
    this.namespace = namespace;
  }

  /** Renders the chart as {@code helm install <release> helm/microscope -n <namespace>} would. */
  static ChartRbac render(KubernetesClient client, String release, String namespace) {
    var chart = RepositoryFiles.chart();
    assertThat(chart.resolve("Chart.yaml"))
        .as(
            "the Helm chart helm/microscope: this tier runs the operator under the chart's RBAC,"
                + " so the chart must be in the repository")
        .exists();
    var yaml =
        new Helm(chart)
            .template()
            .withName(release)
            .withNamespace(namespace)
            // as helm install against this API server would
            .withKubeVersion(client.getKubernetesVersion().getGitVersion())
            .set("leaderElection.enabled", true)
            .call();
    var manifests =
        client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
    return new ChartRbac(new ArrayList<>(manifests), namespace);
  }

  /** Changes the rules of the rendered ClusterRole before {@link #apply}. */
  ChartRbac withClusterRules(UnaryOperator<List<PolicyRule>> change) {
    var role = only(ClusterRole.class);
    role.setRules(change.apply(new ArrayList<>(role.getRules())));
    return this;
  }

  /** Creates the ServiceAccount, roles and bindings with the administrator's client. */
  ChartRbac apply(KubernetesClient admin) {
    for (var manifest : manifests) {
      if (RBAC_KINDS.contains(manifest.getClass())) {
        admin.resource(manifest).serverSideApply();
      }
    }
    return this;
  }

  /** Settings of a client that acts as the chart's ServiceAccount. */
  Config impersonating(Config admin) {
    var account = only(ServiceAccount.class).getMetadata().getName();
    return new ConfigBuilder(admin)
        .withImpersonateUsername("system:serviceaccount:" + namespace + ":" + account)
        .build();
  }

  /** The flags the chart gives {@code microscope operator}, without the command name. */
  List<String> operatorFlags() {
    var args =
        only(Deployment.class)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .getFirst()
            .getArgs();
    assertThat(args.getFirst()).isEqualTo("operator");
    return args.subList(1, args.size());
  }

  private <T extends HasMetadata> T only(Class<T> kind) {
    var found = manifests.stream().filter(kind::isInstance).map(kind::cast).toList();
    assertThat(found).as("%s rendered by the chart", kind.getSimpleName()).hasSize(1);
    return found.getFirst();
  }
}

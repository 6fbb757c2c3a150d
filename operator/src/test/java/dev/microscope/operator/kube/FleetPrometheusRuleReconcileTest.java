package dev.microscope.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.observability.FleetGauges;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reconciler on fabric8's mock API server creates a fleet's PrometheusRule where the Prometheus
 * Operator's CRD is installed, keeps it in step with spec.slo, and creates none where the CRD is
 * missing.
 */
class FleetPrometheusRuleReconcileTest {
  private static final String NS = "team-a";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private MockCluster cluster;
  private Operator operator;

  @BeforeEach
  void startCluster() {
    cluster = new MockCluster();
  }

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.stop();
    }
    cluster.close();
  }

  @Test
  void aFleetGetsItsOwnPrometheusRuleThatFollowsItsSlo() {
    cluster.install("/prometheusrule-crd.yaml");
    startOperator();
    create(TestFleets.fleet("demo"));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              var rule = get(PrometheusRule.class, "demo-slo");
              assertThat(rule).isNotNull();
              assertThat(rule.getMetadata().getOwnerReferences())
                  .singleElement()
                  .satisfies(
                      o -> {
                        assertThat(o.getKind()).isEqualTo("ChaosFleet");
                        assertThat(o.getName()).isEqualTo("demo");
                        assertThat(o.getController()).isTrue();
                      });
              assertThat(rule.getMetadata().getLabels())
                  .containsEntry(Labels.COMPONENT, "slo")
                  .containsEntry(Labels.MANAGED_BY, Labels.OPERATOR);
              var rules = rule.getSpec().getGroups().get(0).getRules();
              assertThat(rules).hasSize(7);
              assertThat(rules.get(1).getRecord())
                  .isEqualTo("namespace_fleet:microscope_slo_availability_objective:ratio");
              assertThat(rules.get(1).getExpr().getStrVal()).isEqualTo("vector(0.99)");
            });

    UserEdits.edit(
        client(),
        NS,
        "demo",
        f -> {
          f.getSpec().getSlo().setAvailability(0.999);
          f.getSpec().getSlo().setWindow("7d");
        });

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              var rules = get(PrometheusRule.class, "demo-slo").getSpec().getGroups().get(0);
              assertThat(rules.getRules().get(1).getExpr().getStrVal()).isEqualTo("vector(0.999)");
              assertThat(rules.getRules().get(4).getExpr().getStrVal()).isEqualTo("vector(604800)");
            });
  }

  @Test
  void withoutTheCrdThereIsNoPrometheusRule() {
    startOperator();
    create(TestFleets.fleet("demo"));

    // the status is written once the whole workflow has run
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(get(Deployment.class, "demo-workers")).isNotNull();
              assertThat(get(ChaosFleet.class, "demo").getStatus()).isNotNull();
            });
    assertThat(client().resources(PrometheusRule.class).inNamespace(NS).list().getItems())
        .isEmpty();
  }

  private void startOperator() {
    var options =
        new FleetOperator.Options(
            OperatorConfig.defaults("1.2.3"),
            Set.of(NS),
            Optional.empty(),
            false,
            TestFleets.CLOCK);
    operator =
        FleetOperator.create(
            cluster.client(),
            options,
            new Metrics() {},
            new FleetGauges(new SimpleMeterRegistry()));
    operator.start();
  }

  private void create(ChaosFleet fleet) {
    fleet.getMetadata().setUid(null);
    fleet.getMetadata().setGeneration(null);
    client().resource(fleet).create();
  }

  private io.fabric8.kubernetes.client.KubernetesClient client() {
    return cluster.client();
  }

  private <T extends io.fabric8.kubernetes.api.model.HasMetadata> T get(
      Class<T> type, String name) {
    return client().resources(type).inNamespace(NS).withName(name).get();
  }
}

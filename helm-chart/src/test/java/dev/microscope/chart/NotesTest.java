package dev.microscope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What `helm install` prints afterwards: what to apply next and how to look. */
class NotesTest {
  @Test
  void tellsWhatToApplyAndHowToWatchWithTheDefaults() {
    var notes = install(null);
    assertThat(notes)
        .contains("kubectl -n microscope-system rollout status deployment/microscope-operator")
        .contains("kubectl apply -n default -f examples/quickstart.yaml")
        .contains("kubectl get chaosfleets -A")
        .contains("describe cf quickstart")
        .contains("http://microscope-operator.microscope-system.svc:8080/alertmanager")
        .contains("get secret microscope-operator-webhook")
        .contains("No default Prometheus is set")
        .contains("kubectl apply --server-side --force-conflicts -f");
  }

  @Test
  void followsTheOptions() {
    var notes = install(ChartFiles.everyOption());
    assertThat(notes)
        .contains("the namespaces team-a, team-b")
        .contains("kubectl apply -n team-a -f examples/quickstart.yaml")
        .contains("get secret alertmanager-webhook -o jsonpath='{.data.bearer}'")
        .contains("The AlertmanagerConfig microscope-system/microscope-operator")
        .contains("installed as PrometheusRules")
        .doesNotContain("No default Prometheus is set");
  }

  /** The output of `helm install --dry-run=client`, which renders NOTES.txt. */
  private static String install(Path values) {
    var install =
        new Helm(ChartFiles.chart())
            .install()
            .withName(Chart.RELEASE)
            .withNamespace(Chart.NAMESPACE)
            .withKubeVersion(Chart.KUBE_VERSION)
            .withDryRunOption(DryRun.CLIENT)
            .clientOnly();
    if (values != null) {
      install.withValuesFile(values);
    }
    return install.call().getOutput();
  }
}

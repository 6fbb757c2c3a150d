package dev.microscope.chart;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json turns a wrong value into a failed install whose message names the value. */
class ChartSchemaTest {
  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "replicaCount|two|/replicaCount",
        "replicaCount|-1|/replicaCount",
        "image.pullPolicy|Sometimes|/image/pullPolicy",
        "image.repository|''|/image/repository",
        "watchNamespaces[0]|Team_A|/watchNamespaces/0",
        "prometheus.url|prometheus:9090|/prometheus/url",
        "http.port|0|/http/port",
        "service.port|70000|/service/port",
        "service.type|Ingress|/service/type",
        "leaderElection.enabled|sometimes|/leaderElection/enabled",
        "metrics.serviceMonitor.interval|soon|/metrics/serviceMonitor/interval",
        "serviceAccount.create|false|/serviceAccount/name",
        "webhook.existingSecretKey|'a key'|/webhook/existingSecretKey",
        "tmpSizeLimit|lots|/tmpSizeLimit",
        "prometheusRule.enabeld|true|enabeld",
        "replicas|2|replicas",
      })
  void rejectsAWrongValueNamingIt(String key, String value, String named) {
    assertThatThrownBy(() -> Chart.render(Map.of(key, value)))
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining(named);
  }
}

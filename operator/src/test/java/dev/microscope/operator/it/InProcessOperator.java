package dev.microscope.operator.it;

import dev.microscope.operator.OperatorCommand;
import dev.microscope.operator.kube.FleetOperator;
import dev.microscope.operator.observability.FleetGauges;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;

/**
 * The operator in the test JVM, wired as {@code microscope operator <flags>} wires it in production
 * (same flag parsing, same {@link FleetOperator}, server-side apply on), with its own client of the
 * given settings. It records failed reconciles so a test can show what went wrong.
 */
final class InProcessOperator implements AutoCloseable {
  static final String VERSION = "0.0.0-it";

  private final KubernetesClient client;
  private final Operator operator;
  private final List<Exception> failures = new CopyOnWriteArrayList<>();
  private final AtomicInteger reconciles = new AtomicInteger();
  private final AtomicInteger leadershipEnded = new AtomicInteger();
  private final AtomicInteger conflicts = new AtomicInteger();

  private InProcessOperator(Config config, String... flags) {
    client =
        new KubernetesClientBuilder()
            .withConfig(config)
            .withHttpClientBuilderConsumer(
                http -> http.addOrReplaceInterceptor("count-conflicts", countConflicts()))
            .build();
    var command = new OperatorCommand();
    new CommandLine(command).parseArgs(flags);
    operator =
        FleetOperator.create(
            client,
            command.options(client, VERSION, leadershipEnded::incrementAndGet),
            recorder(),
            new FleetGauges(new SimpleMeterRegistry()));
  }

  /** Starts an operator; {@code flags} are those of {@code microscope operator}. */
  static InProcessOperator start(Config config, String... flags) {
    var started = new InProcessOperator(config, flags);
    try {
      started.operator.start();
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
    return started;
  }

  /** Exceptions of failed reconciles so far, oldest first. */
  List<Exception> failures() {
    return List.copyOf(failures);
  }

  /** Reconciles finished so far (successful or not). */
  int reconciles() {
    return reconciles.get();
  }

  /** Answers 409 Conflict the operator's client received so far. */
  int conflicts() {
    return conflicts.get();
  }

  private Interceptor countConflicts() {
    return new Interceptor() {
      @Override
      public void after(
          HttpRequest request,
          HttpResponse<?> response,
          AsyncBody.Consumer<List<ByteBuffer>> body) {
        if (response.code() == 409) {
          conflicts.incrementAndGet();
        }
      }
    };
  }

  /** Times leader election told this operator it no longer leads. */
  int leadershipEnded() {
    return leadershipEnded.get();
  }

  boolean healthy() {
    return operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  private Metrics recorder() {
    return new Metrics() {
      @Override
      public void failedReconciliation(
          HasMetadata resource, Exception exception, Map<String, Object> metadata) {
        failures.add(exception);
      }

      @Override
      public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
        reconciles.incrementAndGet();
      }
    };
  }

  @Override
  public void close() {
    try {
      operator.stop();
    } finally {
      client.close();
    }
  }
}

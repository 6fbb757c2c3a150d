package dev.microscope.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.microscope.chaos.ChaosSpec;
import dev.microscope.chaos.ChaosSpecJson;
import dev.microscope.chaos.Fault;
import dev.microscope.chaos.MutableClock;
import dev.microscope.worker.metrics.CodeClass;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VirtualWorkerTest {
  private final MutableClock clock = MutableClock.atEpochPlus(0);

  private VirtualWorker worker(
      String id, long seed, double timeScale, Optional<ChaosSpec> initial) {
    return new VirtualWorker(
        id, "f", Profiles.defaults(timeScale), new Admission(4, 4), clock, seed, () -> initial);
  }

  private static ChaosSpec spec(String json) {
    return ChaosSpecJson.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void plansFollowTheProfileScaledInTime() {
    VirtualWorker worker = worker("w", 1, 0.5, Optional.empty());
    int failed = 0;
    for (int i = 0; i < 4000; i++) {
      RequestPlan plan = worker.plan(Endpoint.USERS);
      assertThat(plan.delayNanos()).isBetween(25_000_000L, 100_000_000L);
      if (plan.status() == 500) {
        failed++;
        assertThat(plan.reason()).isEqualTo(ErrorReason.PROFILE);
      }
    }
    assertThat(failed / 4000.0).isCloseTo(0.05, within(0.015));
  }

  @Test
  void chaosComesOnTopOfTheProfile() {
    VirtualWorker worker = worker("w", 1, 0, Optional.empty());
    worker
        .chaos()
        .apply(
            spec(
                "{\"latency\": {\"distribution\": \"fixed\", \"minMs\": 300}, \"errors\": {\"rate\": 1, \"status\": 502}}"));

    RequestPlan plan = worker.plan(Endpoint.SLOW);

    assertThat(plan.delayNanos()).isEqualTo(300_000_000L);
    assertThat(plan.status()).isEqualTo(502);
    assertThat(plan.reason()).isEqualTo(ErrorReason.CHAOS);
  }

  @Test
  void theSameSeedAndIdPlanTheSameRequests() {
    List<RequestPlan> first = plans(worker("w-3", 11, 1, Optional.empty()));

    assertThat(plans(worker("w-3", 11, 1, Optional.empty()))).isEqualTo(first);
    assertThat(plans(worker("w-4", 11, 1, Optional.empty()))).isNotEqualTo(first);
  }

  @Test
  void aRestartClearsFaultsFreesMemoryAndRestartsCounters() {
    VirtualWorker worker = worker("w", 1, 0, Optional.empty());
    worker.chaos().apply(spec("{\"memoryLeak\": {\"bytesPerSecond\": 1048576}}"));
    clock.advance(Duration.ofSeconds(2));
    worker.tick();
    worker.record(Endpoint.USERS, 200, 1000);
    assertThat(worker.chaos().leakedBytes()).isPositive();

    worker.restart();

    assertThat(worker.chaos().leakedBytes()).isZero();
    assertThat(worker.chaos().isActive(Fault.MEMORY_LEAK)).isFalse();
    assertThat(worker.metrics().requests(Endpoint.USERS, CodeClass.C2XX)).isZero();
    assertThat(worker.startedAt()).isEqualTo(clock.instant());
  }

  @Test
  void aVirtualCrashIsDownForAMomentThenBackAsFromAFreshStart() {
    ChaosSpec initial = spec("{\"leaseSeconds\": 600, \"latency\": {\"minMs\": 5}}");
    VirtualWorker worker = worker("w", 1, 0, Optional.of(initial));
    worker.chaos().apply(spec("{\"errors\": {\"rate\": 1}}"));
    worker.record(Endpoint.USERS, 500, 1000);

    worker.crash();

    assertThat(worker.isDown()).isTrue();
    assertThat(worker.metrics().requests(Endpoint.USERS, CodeClass.C5XX)).isZero();
    assertThat(worker.chaos().isActive(Fault.ERRORS)).isFalse();
    assertThat(worker.chaos().isActive(Fault.LATENCY)).as("initial chaos again").isTrue();
    assertThat(worker.startedAt()).isEqualTo(clock.instant().plus(VirtualWorker.CRASH_DOWNTIME));

    clock.advance(VirtualWorker.CRASH_DOWNTIME);
    assertThat(worker.isDown()).isFalse();
  }

  @Test
  void noCrashWhileAlreadyDown() {
    VirtualWorker worker =
        worker("w", 1, 0, Optional.of(spec("{\"crash\": {\"probabilityPerMinute\": 1}}")));
    clock.advanceMillis(200);
    assertThat(worker.tick()).isTrue();
    worker.crash();

    clock.advanceMillis(200);

    assertThat(worker.tick()).isFalse();
  }

  private static List<RequestPlan> plans(VirtualWorker worker) {
    List<RequestPlan> plans = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      plans.add(worker.plan(Endpoint.values()[i % 3]));
    }
    return plans;
  }
}

package dev.microscope.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChaosStateTest {
  private static final long MIB = 1 << 20;

  private final MutableClock clock = MutableClock.atEpochPlus(0);
  private final List<ChaosState> states = new ArrayList<>();

  private ChaosState state(String worker, long seed) {
    ChaosState state = new ChaosState(worker, clock, seed);
    states.add(state);
    return state;
  }

  private static ChaosSpec spec(String json) {
    return ChaosSpecJson.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @AfterEach
  void stopFaults() {
    states.forEach(ChaosState::clear);
  }

  @Test
  void whenTheLeaseRunsOutEveryFaultStopsAndTheMemoryGoes() {
    ChaosState chaos = state("w", 1);
    chaos.apply(
        spec(
            """
            {"leaseSeconds": 10, "level": 0.7, "errors": {"rate": 1},
             "memoryLeak": {"bytesPerSecond": 1048576, "maxBytes": 4194304}}
            """));
    clock.advance(Duration.ofSeconds(9));
    chaos.tick();
    assertThat(chaos.isActive(Fault.ERRORS)).isTrue();
    assertThat(chaos.leakedBytes()).isEqualTo(4 * MIB);
    assertThat(chaos.level()).isEqualTo(0.7);
    assertThat(chaos.leaseRemainingSeconds()).isEqualTo(1.0);

    clock.advance(Duration.ofSeconds(1));
    assertThat(chaos.onRequest()).as("expired before the ticker noticed").isEqualTo(Injection.NONE);
    chaos.tick();

    for (Fault fault : Fault.all()) {
      assertThat(chaos.isActive(fault)).as(fault.label()).isFalse();
    }
    assertThat(chaos.leakedBytes()).isZero();
    assertThat(chaos.leaseExpirations()).isEqualTo(1);
    assertThat(chaos.level()).isZero();
    assertThat(chaos.view()).isEmpty();
  }

  @Test
  void aRenewalExtendsTheLeaseAndKeepsTheProgressOfUnchangedFaults() {
    ChaosState chaos = state("w", 1);
    String json =
        """
        {"leaseSeconds": 10, "memoryLeak": {"bytesPerSecond": 1048576, "maxBytes": 104857600}}
        """;
    chaos.apply(spec(json));
    clock.advance(Duration.ofSeconds(8));
    chaos.tick();

    assertThat(chaos.apply(spec(json))).as("same faults: a renewal").isFalse();
    clock.advance(Duration.ofSeconds(8));
    chaos.tick();

    assertThat(chaos.leaseExpirations()).isZero();
    assertThat(chaos.leaseRemainingSeconds()).isEqualTo(2.0);
    assertThat(chaos.leakedBytes()).as("16 s of leaking, not 8").isEqualTo(16 * MIB);
  }

  @Test
  void theLeakGrowsAtItsRateUpToItsCapAndIsReallyOnTheHeap() {
    ChaosState chaos = state("w", 1);
    chaos.apply(spec("{\"memoryLeak\": {\"bytesPerSecond\": 8388608, \"maxBytes\": 67108864}}"));
    clock.advanceMillis(1500);
    chaos.tick();
    assertThat(chaos.leakedBytes()).isEqualTo(12 * MIB);

    long before = usedHeapAfterGc();
    clock.advance(Duration.ofSeconds(30));
    chaos.tick();
    assertThat(chaos.leakedBytes()).isEqualTo(64 * MIB);
    assertThat(usedHeapAfterGc() - before).isGreaterThan(40 * MIB);

    chaos.apply(spec("{}"));
    assertThat(chaos.leakedBytes()).isZero();
    assertThat(usedHeapAfterGc()).isLessThan(before + 20 * MIB);
  }

  @Test
  void aLowerCapGivesBackMemoryButKeepsTheRest() {
    ChaosState chaos = state("w", 1);
    chaos.apply(spec("{\"memoryLeak\": {\"bytesPerSecond\": 1048576, \"maxBytes\": 10485760}}"));
    clock.advance(Duration.ofSeconds(6));
    chaos.tick();

    chaos.apply(spec("{\"memoryLeak\": {\"bytesPerSecond\": 1048576, \"maxBytes\": 4194304}}"));

    assertThat(chaos.leakedBytes()).isEqualTo(4 * MIB);
  }

  @Test
  void latencyHitsTheConfiguredShareOfRequestsWithinItsBounds() {
    ChaosState chaos = state("w", 7);
    chaos.apply(spec("{\"latency\": {\"probability\": 0.3, \"minMs\": 100, \"maxMs\": 800}}"));

    int delayed = 0;
    for (int i = 0; i < 4000; i++) {
      long nanos = chaos.onRequest().delayNanos();
      if (nanos > 0) {
        delayed++;
        assertThat(nanos).isBetween(100_000_000L, 800_000_000L);
      }
    }
    assertThat(delayed / 4000.0).isCloseTo(0.3, within(0.03));
  }

  @Test
  void latencyDistributionsHaveTheirShape() {
    ChaosState fixed = state("a", 7);
    fixed.apply(spec("{\"latency\": {\"distribution\": \"fixed\", \"minMs\": 250}}"));
    assertThat(fixed.onRequest().delayNanos()).isEqualTo(250_000_000L);

    ChaosState exponential = state("b", 7);
    exponential.apply(
        spec("{\"latency\": {\"distribution\": \"exponential\", \"minMs\": 50, \"maxMs\": 400}}"));
    double sum = 0;
    long max = 0;
    for (int i = 0; i < 5000; i++) {
      long nanos = exponential.onRequest().delayNanos();
      sum += nanos;
      max = Math.max(max, nanos);
    }
    assertThat(sum / 5000 / 1e6).as("mean ms").isCloseTo(50, within(5.0));
    assertThat(max).isLessThanOrEqualTo(400_000_000L);
  }

  @Test
  void errorsFailTheirShareWithTheConfiguredStatus() {
    ChaosState chaos = state("w", 3);
    chaos.apply(spec("{\"errors\": {\"rate\": 0.2, \"status\": 503}}"));

    int failed = 0;
    for (int i = 0; i < 4000; i++) {
      int status = chaos.onRequest().errorStatus();
      if (status != 0) {
        failed++;
        assertThat(status).isEqualTo(503);
      }
    }
    assertThat(failed / 4000.0).isCloseTo(0.2, within(0.03));
  }

  @Test
  void errorBurstsOpenEachPeriod() {
    ChaosState chaos = state("w", 3);
    chaos.apply(
        spec(
            """
            {"errors": {"rate": 0, "burst": {"everySeconds": 10, "durationSeconds": 2, "rate": 1}}}
            """));

    clock.advanceMillis(500);
    assertThat(chaos.onRequest().errorStatus()).isEqualTo(500);
    clock.advanceMillis(4500);
    assertThat(chaos.onRequest().errorStatus()).isZero();
    clock.advanceMillis(5500);
    assertThat(chaos.onRequest().errorStatus()).isEqualTo(500);
  }

  @Test
  void theSameSeedAndWorkerMakeTheSameChoices() {
    String json =
        "{\"latency\": {\"probability\": 0.5, \"minMs\": 1, \"maxMs\": 999}, \"errors\": {\"rate\": 0.5}}";
    ChaosState first = state("w-1", 42);
    ChaosState second = state("w-1", 42);
    ChaosState otherWorker = state("w-2", 42);
    ChaosState otherSeed = state("w-1", 43);
    for (ChaosState s : List.of(first, second, otherWorker, otherSeed)) {
      s.apply(spec(json));
    }

    List<Injection> a = draw(first);
    assertThat(draw(second)).isEqualTo(a);
    assertThat(draw(otherWorker)).isNotEqualTo(a);
    assertThat(draw(otherSeed)).isNotEqualTo(a);
  }

  @Test
  void aSeedInTheSpecRestartsTheSequence() {
    ChaosState chaos = state("w", 1);
    String json = "{\"seed\": 9, \"errors\": {\"rate\": 0.5}}";
    chaos.apply(spec(json));
    List<Injection> firstRun = draw(chaos);

    chaos.clear();
    chaos.apply(spec(json));

    assertThat(draw(chaos)).isEqualTo(firstRun);
  }

  @Test
  void crashesComeAtTheConfiguredRateAndAtTheSameTicksUnderASeed() {
    List<Integer> first = crashTicks(state("w", 5));
    List<Integer> again = crashTicks(state("w", 5));

    // P(no crash within a minute) = 0.5, so about ln 2 = 0.69 crashes a minute over 100 minutes
    assertThat(first).hasSizeBetween(50, 90);
    assertThat(again).isEqualTo(first);
  }

  private List<Integer> crashTicks(ChaosState chaos) {
    chaos.apply(spec("{\"leaseSeconds\": 86400, \"crash\": {\"probabilityPerMinute\": 0.5}}"));
    List<Integer> ticks = new ArrayList<>();
    for (int i = 0; i < 100 * 60 * 5; i++) {
      clock.advanceMillis(200);
      if (chaos.tick()) {
        ticks.add(i);
      }
    }
    return ticks;
  }

  @Test
  void aCertainCrashFiresOnTheNextTick() {
    ChaosState chaos = state("w", 5);
    chaos.apply(spec("{\"crash\": {\"probabilityPerMinute\": 1}}"));
    clock.advanceMillis(200);

    assertThat(chaos.tick()).isTrue();
  }

  @Test
  void theCpuFaultEndsAfterItsDuration() {
    ChaosState chaos = state("w", 1);
    chaos.apply(spec("{\"cpu\": {\"cores\": 0.1, \"dutyCycle\": 0.1, \"durationSeconds\": 2}}"));
    assertThat(chaos.isActive(Fault.CPU)).isTrue();

    clock.advanceMillis(1900);
    chaos.tick();
    assertThat(chaos.isActive(Fault.CPU)).isTrue();

    clock.advanceMillis(200);
    chaos.tick();
    assertThat(chaos.isActive(Fault.CPU)).isFalse();
  }

  @Test
  void theCardinalityBombAddsNewIdsAtItsRateUpToItsCap() {
    ChaosState chaos = state("w", 1);
    chaos.apply(spec("{\"cardinality\": {\"seriesPerSecond\": 10, \"maxSeries\": 25}}"));
    clock.advance(Duration.ofSeconds(1));
    assertThat(chaos.bombSeries()).isEqualTo(10);
    clock.advance(Duration.ofSeconds(5));
    assertThat(chaos.bombSeries()).isEqualTo(25);
    assertThat(chaos.bombBase()).isZero();

    chaos.apply(spec("{\"cardinality\": {\"seriesPerSecond\": 10, \"maxSeries\": 30}}"));
    clock.advance(Duration.ofSeconds(1));

    assertThat(chaos.bombBase()).as("a new explosion uses new ids").isEqualTo(25);
    assertThat(chaos.bombSeries()).isEqualTo(10);
  }

  @Test
  void liesAreReportedWhileTheLeaseHolds() {
    ChaosState chaos = state("w", 1);
    chaos.apply(spec("{\"leaseSeconds\": 5, \"lies\": {\"hideErrors\": true}}"));
    assertThat(chaos.lies().hideErrors()).isTrue();
    assertThat(chaos.isActive(Fault.LIES)).isTrue();

    clock.advance(Duration.ofSeconds(5));

    assertThat(chaos.lies()).isEqualTo(ChaosSpec.Lies.NONE);
  }

  private static List<Injection> draw(ChaosState chaos) {
    List<Injection> injections = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      injections.add(chaos.onRequest());
    }
    return injections;
  }

  private static long usedHeapAfterGc() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}

package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * Faults at full strength. The operator scales each fault's intensity by the current chaos level
 * (0..maxLevel) before it reaches the workers; a section left out means that fault stays off.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ChaosSpec {
  @JsonPropertyDescription(
      "Highest chaos level, 0 to 1. Without adaptive control the fleet runs at this level.")
  @Min(0)
  @Max(1)
  @Default("1.0")
  private double maxLevel = 1.0;

  @JsonPropertyDescription(
      "Seconds a worker keeps its faults without a renewal from the operator (dead-man switch).")
  @Min(1)
  @Max(86400)
  @Default("60")
  private int leaseSeconds = 60;

  @JsonPropertyDescription("Seed of the workers' random choices; absent means random.")
  private Long seed;

  @JsonPropertyDescription("Added latency.")
  private LatencyFault latency;

  @JsonPropertyDescription("Injected error responses.")
  private ErrorFault errors;

  @JsonPropertyDescription("Memory leaked on purpose, released when the lease runs out.")
  private MemoryLeakFault memoryLeak;

  @JsonPropertyDescription("CPU burnt on purpose.")
  private CpuFault cpu;

  @JsonPropertyDescription("Sudden worker crashes.")
  private CrashFault crash;

  @JsonPropertyDescription(
      "Falsified metrics: the worker's own series lie while its HTTP answers stay true.")
  private LiesFault lies;

  @JsonPropertyDescription("A label explosion in the worker's metrics, up to a cap.")
  private CardinalityFault cardinality;

  @JsonPropertyDescription(
      "Adaptive control: raise the level while the error budget allows, cut it on fast burn.")
  @Default("{}")
  private AdaptiveChaos adaptive = new AdaptiveChaos();

  @JsonPropertyDescription(
      "Limit of disruptive actions (kill, restart, quarantine) per time window.")
  @Default("{}")
  private BlastRadius blastRadius = new BlastRadius();

  /** True when at least one fault section is present. */
  @JsonIgnore
  public boolean hasFaults() {
    return latency != null
        || errors != null
        || memoryLeak != null
        || cpu != null
        || crash != null
        || lies != null
        || cardinality != null;
  }

  public double getMaxLevel() {
    return maxLevel;
  }

  public void setMaxLevel(double maxLevel) {
    this.maxLevel = maxLevel;
  }

  public int getLeaseSeconds() {
    return leaseSeconds;
  }

  public void setLeaseSeconds(int leaseSeconds) {
    this.leaseSeconds = leaseSeconds;
  }

  public Long getSeed() {
    return seed;
  }

  public void setSeed(Long seed) {
    this.seed = seed;
  }

  public LatencyFault getLatency() {
    return latency;
  }

  public void setLatency(LatencyFault latency) {
    this.latency = latency;
  }

  public ErrorFault getErrors() {
    return errors;
  }

  public void setErrors(ErrorFault errors) {
    this.errors = errors;
  }

  public MemoryLeakFault getMemoryLeak() {
    return memoryLeak;
  }

  public void setMemoryLeak(MemoryLeakFault memoryLeak) {
    this.memoryLeak = memoryLeak;
  }

  public CpuFault getCpu() {
    return cpu;
  }

  public void setCpu(CpuFault cpu) {
    this.cpu = cpu;
  }

  public CrashFault getCrash() {
    return crash;
  }

  public void setCrash(CrashFault crash) {
    this.crash = crash;
  }

  public LiesFault getLies() {
    return lies;
  }

  public void setLies(LiesFault lies) {
    this.lies = lies;
  }

  public CardinalityFault getCardinality() {
    return cardinality;
  }

  public void setCardinality(CardinalityFault cardinality) {
    this.cardinality = cardinality;
  }

  public AdaptiveChaos getAdaptive() {
    return adaptive;
  }

  public void setAdaptive(AdaptiveChaos adaptive) {
    this.adaptive = adaptive;
  }

  public BlastRadius getBlastRadius() {
    return blastRadius;
  }

  public void setBlastRadius(BlastRadius blastRadius) {
    this.blastRadius = blastRadius;
  }
}

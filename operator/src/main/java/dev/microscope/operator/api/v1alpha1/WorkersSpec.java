package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;

/** The worker pods of a fleet. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WorkersSpec {
  @JsonPropertyDescription("Pod count bounds and the count to start with.")
  @Default("{}")
  private ReplicasSpec replicas = new ReplicasSpec();

  @JsonPropertyDescription(
      "How the control loop scales the pods between replicas.min and max: on CPU saturation and"
          + " on latency under load, with a scale-down stabilization window.")
  @Default("{}")
  private AutoscalingSpec autoscaling = new AutoscalingSpec();

  @JsonPropertyDescription(
      "Virtual workers per pod (worker --workers): each is a worker of its own with its own"
          + " metrics, faults and queue, so a few pods can stand in for hundreds of services.")
  @Min(1)
  @Max(1000)
  @Default("1")
  private int workersPerPod = 1;

  @JsonPropertyDescription(
      "Worker image; empty takes the operator's default (microscope/worker:<operator version>).")
  @Size(max = 512)
  private String image;

  @JsonPropertyDescription("Pull policy of the worker and traffic generator images.")
  @Default("IfNotPresent")
  private PullPolicy imagePullPolicy = PullPolicy.IF_NOT_PRESENT;

  @JsonPropertyDescription("HTTP port of every worker (worker --port).")
  @Min(1024)
  @Max(65535)
  @Default("8080")
  private int port = 8080;

  @JsonPropertyDescription("Requests each virtual worker serves at once (worker --concurrency).")
  @Min(1)
  @Max(10000)
  @Default("32")
  private int concurrency = 32;

  @JsonPropertyDescription(
      "Requests each virtual worker queues before answering 429 (worker --queue).")
  @Min(0)
  @Max(100000)
  @Default("64")
  private int queue = 64;

  @JsonPropertyDescription(
      "Multiplies every endpoint latency (worker --time-scale); below 1 makes the fleet faster.")
  @Min(0.01)
  @Max(100)
  @Default("1.0")
  private double timeScale = 1.0;

  @JsonPropertyDescription("CPU and memory of each worker container.")
  @Default(
      "{\"requests\":{\"cpu\":\"50m\",\"memory\":\"128Mi\"},"
          + "\"limits\":{\"cpu\":\"1\",\"memory\":\"256Mi\"}}")
  private ResourcesSpec resources = ResourcesSpec.workerDefaults();

  @JsonPropertyDescription(
      "Latency and error profile of each fake endpoint; an absent endpoint keeps the worker's"
          + " built-in profile.")
  private ProfilesSpec profiles;

  @JsonPropertyDescription(
      "Extra JVM options of the worker (set as JAVA_TOOL_OPTIONS), e.g. -XX:MaxRAMPercentage=75.")
  @Size(max = 1024)
  private String jvmOptions;

  @JsonPropertyDescription(
      "Worker pods a voluntary disruption (node drain) may take at once; the"
          + " PodDisruptionBudget's maxUnavailable.")
  @Min(1)
  @Default("1")
  private int maxUnavailable = 1;

  public ReplicasSpec getReplicas() {
    return replicas;
  }

  public void setReplicas(ReplicasSpec replicas) {
    this.replicas = replicas;
  }

  public AutoscalingSpec getAutoscaling() {
    return autoscaling;
  }

  public void setAutoscaling(AutoscalingSpec autoscaling) {
    this.autoscaling = autoscaling;
  }

  public int getWorkersPerPod() {
    return workersPerPod;
  }

  public void setWorkersPerPod(int workersPerPod) {
    this.workersPerPod = workersPerPod;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public PullPolicy getImagePullPolicy() {
    return imagePullPolicy;
  }

  public void setImagePullPolicy(PullPolicy imagePullPolicy) {
    this.imagePullPolicy = imagePullPolicy;
  }

  public int getPort() {
    return port;
  }

  public void setPort(int port) {
    this.port = port;
  }

  public int getConcurrency() {
    return concurrency;
  }

  public void setConcurrency(int concurrency) {
    this.concurrency = concurrency;
  }

  public int getQueue() {
    return queue;
  }

  public void setQueue(int queue) {
    this.queue = queue;
  }

  public double getTimeScale() {
    return timeScale;
  }

  public void setTimeScale(double timeScale) {
    this.timeScale = timeScale;
  }

  public ResourcesSpec getResources() {
    return resources;
  }

  public void setResources(ResourcesSpec resources) {
    this.resources = resources;
  }

  public ProfilesSpec getProfiles() {
    return profiles;
  }

  public void setProfiles(ProfilesSpec profiles) {
    this.profiles = profiles;
  }

  public String getJvmOptions() {
    return jvmOptions;
  }

  public void setJvmOptions(String jvmOptions) {
    this.jvmOptions = jvmOptions;
  }

  public int getMaxUnavailable() {
    return maxUnavailable;
  }

  public void setMaxUnavailable(int maxUnavailable) {
    this.maxUnavailable = maxUnavailable;
  }
}

package dev.microscope.operator.api.v1alpha1;

import dev.microscope.operator.constraints.DoesNotFit;
import dev.microscope.operator.constraints.FleetSizing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks what the CRD schema cannot: relations between fields, and everything again for fleets that
 * never passed an API server (local mode). Pure: no Kubernetes, no I/O.
 */
public final class ChaosFleetValidator {
  /** Longest fleet name whose derived names ({@code <fleet>-workers}) stay valid Services. */
  public static final int MAX_NAME_LENGTH = 50;

  private static final Pattern DNS_1035_LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
  private static final Pattern LATENCY_BUCKETS = Pattern.compile(SloSpec.LATENCY_BUCKETS);
  private static final Pattern DURATION = Pattern.compile(Durations.PATTERN);

  /** Every violation of the fleet, in field order; empty when the fleet is valid. */
  public List<SpecViolation> validate(ChaosFleet fleet) {
    var out = new ArrayList<SpecViolation>();
    name(fleet.getMetadata().getName(), out);
    var spec = fleet.getSpec();
    if (spec == null) {
      out.add(new SpecViolation("spec", "is required"));
      return out;
    }
    required("spec.workers", spec.getWorkers(), out);
    required("spec.traffic", spec.getTraffic(), out);
    required("spec.chaos", spec.getChaos(), out);
    required("spec.slo", spec.getSlo(), out);
    required("spec.prometheus", spec.getPrometheus(), out);
    required("spec.mode", spec.getMode(), out);
    workers(spec.getWorkers(), out);
    traffic(spec.getTraffic(), out);
    chaos(spec.getChaos(), out);
    slo(spec.getSlo(), out);
    prometheus(spec.getPrometheus(), out);
    rules(spec.getRules(), out);
    quota(spec.getQuota(), spec.getWorkers(), out);
    if (out.isEmpty()) {
      // sizing needs a well-formed fleet; its refusal is the last word
      constraints(spec, out);
    }
    return out;
  }

  private static void name(String name, List<SpecViolation> out) {
    if (name == null || !DNS_1035_LABEL.matcher(name).matches()) {
      out.add(
          new SpecViolation(
              "metadata.name",
              "must start with a letter and hold only lower-case letters, digits and '-'"));
    } else if (name.length() > MAX_NAME_LENGTH) {
      out.add(
          new SpecViolation(
              "metadata.name", "must be at most " + MAX_NAME_LENGTH + " characters long"));
    }
  }

  private static void workers(WorkersSpec workers, List<SpecViolation> out) {
    if (workers == null) {
      return;
    }
    var r = workers.getReplicas();
    required("spec.workers.replicas", r, out);
    required("spec.workers.imagePullPolicy", workers.getImagePullPolicy(), out);
    if (r != null) {
      range("spec.workers.replicas.min", r.getMin(), 1, 1000, out);
      range("spec.workers.replicas.max", r.getMax(), 1, 1000, out);
      if (r.getMin() > r.getMax()) {
        out.add(
            new SpecViolation(
                "spec.workers.replicas.min",
                "is " + r.getMin() + ", above replicas.max (" + r.getMax() + ")"));
      }
    }
    var autoscaling = workers.getAutoscaling();
    if (autoscaling != null) {
      double target = autoscaling.getTargetCpuSaturation();
      if (!(target >= 0.05 && target <= 1)) {
        out.add(
            new SpecViolation(
                "spec.workers.autoscaling.targetCpuSaturation",
                "is " + target + ", outside 0.05..1"));
      }
      range(
          "spec.workers.autoscaling.maxChangePerStep",
          autoscaling.getMaxChangePerStep(),
          1,
          100,
          out);
      duration(
          "spec.workers.autoscaling.scaleDownStabilization",
          autoscaling.getScaleDownStabilization(),
          out);
    }
    range("spec.workers.workersPerPod", workers.getWorkersPerPod(), 1, 1000, out);
    range("spec.workers.port", workers.getPort(), 1024, 65535, out);
    var profiles = workers.getProfiles();
    if (profiles != null) {
      profile("spec.workers.profiles.users", profiles.getUsers(), out);
      profile("spec.workers.profiles.orders", profiles.getOrders(), out);
      profile("spec.workers.profiles.slow", profiles.getSlow(), out);
    }
  }

  private static void traffic(TrafficSpec traffic, List<SpecViolation> out) {
    if (traffic == null) {
      return;
    }
    required("spec.traffic.pattern", traffic.getPattern(), out);
    required("spec.traffic.mix", traffic.getMix(), out);
    if (traffic.getPattern() != null) {
      required("spec.traffic.pattern.type", traffic.getPattern().getType(), out);
    }
    if (traffic.getMix() != null
        && traffic.getMix().getUsers() + traffic.getMix().getOrders() + traffic.getMix().getSlow()
            == 0) {
      out.add(new SpecViolation("spec.traffic.mix", "needs at least one weight above 0"));
    }
  }

  private static void profile(String field, EndpointProfile p, List<SpecViolation> out) {
    if (p == null) {
      return;
    }
    if (p.getMinMs() == null || p.getMaxMs() == null) {
      out.add(new SpecViolation(field, "needs both minMs and maxMs"));
    } else if (p.getMinMs() > p.getMaxMs()) {
      out.add(new SpecViolation(field + ".minMs", "is above maxMs"));
    }
  }

  private static void chaos(ChaosSpec chaos, List<SpecViolation> out) {
    if (chaos == null) {
      return;
    }
    unit("spec.chaos.maxLevel", chaos.getMaxLevel(), out);
    required("spec.chaos.adaptive", chaos.getAdaptive(), out);
    required("spec.chaos.blastRadius", chaos.getBlastRadius(), out);
    range("spec.chaos.leaseSeconds", chaos.getLeaseSeconds(), 1, 86400, out);
    var latency = chaos.getLatency();
    if (latency != null) {
      required("spec.chaos.latency.distribution", latency.getDistribution(), out);
      if (latency.getMinMs() == null) {
        out.add(new SpecViolation("spec.chaos.latency.minMs", "is required"));
      } else if (latency.getMaxMs() != null && latency.getMinMs() > latency.getMaxMs()) {
        out.add(new SpecViolation("spec.chaos.latency.minMs", "is above maxMs"));
      }
    }
    var errors = chaos.getErrors();
    if (errors != null) {
      required("spec.chaos.errors.rate", errors.getRate(), out);
      var burst = errors.getBurst();
      if (burst != null
          && burst.getDurationSeconds() != null
          && burst.getEverySeconds() != null
          && burst.getDurationSeconds() > burst.getEverySeconds()) {
        out.add(
            new SpecViolation("spec.chaos.errors.burst.durationSeconds", "is above everySeconds"));
      }
    }
    if (chaos.getMemoryLeak() != null) {
      required(
          "spec.chaos.memoryLeak.bytesPerSecond", chaos.getMemoryLeak().getBytesPerSecond(), out);
      required("spec.chaos.memoryLeak.maxBytes", chaos.getMemoryLeak().getMaxBytes(), out);
    }
    if (chaos.getCpu() != null) {
      required("spec.chaos.cpu.dutyCycle", chaos.getCpu().getDutyCycle(), out);
    }
    if (chaos.getCrash() != null) {
      required(
          "spec.chaos.crash.probabilityPerMinute", chaos.getCrash().getProbabilityPerMinute(), out);
    }
    var adaptive = chaos.getAdaptive();
    if (adaptive != null) {
      unit("spec.chaos.adaptive.initialLevel", adaptive.getInitialLevel(), out);
      duration("spec.chaos.adaptive.stepInterval", adaptive.getStepInterval(), out);
      duration("spec.chaos.adaptive.stabilization", adaptive.getStabilization(), out);
      if (adaptive.isEnabled() && adaptive.getInitialLevel() > chaos.getMaxLevel()) {
        out.add(
            new SpecViolation("spec.chaos.adaptive.initialLevel", "is above spec.chaos.maxLevel"));
      }
    }
    if (chaos.getBlastRadius() != null) {
      unit("spec.chaos.blastRadius.maxShare", chaos.getBlastRadius().getMaxShare(), out);
      duration("spec.chaos.blastRadius.window", chaos.getBlastRadius().getWindow(), out);
    }
  }

  private static void slo(SloSpec slo, List<SpecViolation> out) {
    if (slo == null) {
      return;
    }
    if (slo.getAvailability() < 0.5 || slo.getAvailability() >= 1) {
      out.add(new SpecViolation("spec.slo.availability", "must be at least 0.5 and below 1"));
    }
    if (slo.getLatencyObjective() < 0.5 || slo.getLatencyObjective() >= 1) {
      out.add(new SpecViolation("spec.slo.latencyObjective", "must be at least 0.5 and below 1"));
    }
    var threshold = slo.getLatencyThreshold();
    if (threshold == null || !LATENCY_BUCKETS.matcher(threshold).matches()) {
      out.add(
          new SpecViolation(
              "spec.slo.latencyThreshold",
              "is "
                  + threshold
                  + ", not a bucket boundary of the worker latency histogram (5ms, 10ms, 25ms,"
                  + " 50ms, 100ms, 200ms, 250ms, 300ms, 500ms, 750ms, 1s, 2500ms, 5s, 10s)"));
    }
    duration("spec.slo.window", slo.getWindow(), out);
    unit("spec.slo.minBudgetToEscalate", slo.getMinBudgetToEscalate(), out);
  }

  private static void prometheus(PrometheusSpec prometheus, List<SpecViolation> out) {
    if (prometheus == null) {
      return;
    }
    duration("spec.prometheus.queryTimeout", prometheus.getQueryTimeout(), out);
    duration("spec.prometheus.pollInterval", prometheus.getPollInterval(), out);
    if (prometheus.getAuth() != null) {
      required("spec.prometheus.auth.type", prometheus.getAuth().getType(), out);
      required("spec.prometheus.auth.secretName", prometheus.getAuth().getSecretName(), out);
    }
    if (prometheus.getQueryTimeout() != null
        && prometheus.getPollInterval() != null
        && DURATION.matcher(prometheus.getQueryTimeout()).matches()
        && DURATION.matcher(prometheus.getPollInterval()).matches()
        && Durations.parse(prometheus.getQueryTimeout())
                .compareTo(Durations.parse(prometheus.getPollInterval()))
            > 0) {
      out.add(new SpecViolation("spec.prometheus.queryTimeout", "is longer than pollInterval"));
    }
  }

  private static void rules(List<RuleSpec> rules, List<SpecViolation> out) {
    if (rules == null) {
      return;
    }
    var names = new HashSet<String>();
    for (int i = 0; i < rules.size(); i++) {
      var field = "spec.rules[" + i + "]";
      var rule = rules.get(i);
      if (rule.getName() == null || rule.getName().isBlank()) {
        out.add(new SpecViolation(field + ".name", "is required"));
      } else if (!names.add(rule.getName())) {
        out.add(new SpecViolation(field + ".name", "'" + rule.getName() + "' is used twice"));
      }
      if (rule.getQuery() == null || rule.getQuery().isBlank()) {
        out.add(new SpecViolation(field + ".query", "is required"));
      }
      required(field + ".operator", rule.getOperator(), out);
      required(field + ".threshold", rule.getThreshold(), out);
      duration(field + ".for", rule.getForDuration(), out);
      duration(field + ".cooldown", rule.getCooldown(), out);
      action(field + ".action", rule, out);
    }
  }

  private static void action(String field, RuleSpec rule, List<SpecViolation> out) {
    var action = rule.getAction();
    if (action == null || action.getType() == null) {
      out.add(new SpecViolation(field + (action == null ? "" : ".type"), "is required"));
      return;
    }
    switch (action.getType()) {
      case SCALE -> {
        if (action.getScaleBy() == null || action.getScaleBy() == 0) {
          out.add(new SpecViolation(field + ".scaleBy", "is required by Scale and not 0"));
        }
      }
      case SET_CHAOS_LEVEL -> required(field + ".level", action.getLevel(), out);
      case SET_TRAFFIC_RATE -> required(field + ".rate", action.getRate(), out);
      case SET_RESOURCES -> required(field + ".resources", action.getResources(), out);
      case RESTART_WORKER, QUARANTINE_WORKER -> {
        if (rule.getScope() != RuleSpec.Scope.WORKER) {
          out.add(
              new SpecViolation(
                  field + ".type", action.getType() + " needs a rule with scope Worker"));
        }
      }
      case RECORD_ONLY -> {}
    }
  }

  private static void quota(QuotaSpec quota, WorkersSpec workers, List<SpecViolation> out) {
    if (quota == null
        || quota.getPods() == null
        || workers == null
        || workers.getReplicas() == null) {
      return;
    }
    int needed = workers.getReplicas().getMax() + 1;
    if (quota.getPods() < needed) {
      out.add(
          new SpecViolation(
              "spec.quota.pods",
              "is "
                  + quota.getPods()
                  + ", below workers.replicas.max + 1 for the traffic generator ("
                  + needed
                  + ")"));
    }
  }

  private static void constraints(ChaosFleetSpec spec, List<SpecViolation> out) {
    var constraints = spec.getConstraints();
    if (constraints == null) {
      return;
    }
    if (constraints.getNetworkDelay() != null) {
      duration("spec.constraints.networkDelay", constraints.getNetworkDelay(), out);
    }
    try {
      FleetSizing.of(spec);
    } catch (DoesNotFit e) {
      out.add(new SpecViolation(e.field(), e.reason()));
    } catch (IllegalArgumentException e) {
      out.add(new SpecViolation(fieldOf(e.getMessage()), problemOf(e.getMessage())));
    }
  }

  /** The quantity parsers start their message with the field they were given. */
  private static String fieldOf(String message) {
    int space = message.indexOf(' ');
    return space < 0 ? "spec.constraints" : message.substring(0, space);
  }

  private static String problemOf(String message) {
    int space = message.indexOf(' ');
    return space < 0 ? message : message.substring(space + 1);
  }

  private static void range(String field, int value, int min, int max, List<SpecViolation> out) {
    if (value < min || value > max) {
      out.add(new SpecViolation(field, "is " + value + ", outside " + min + ".." + max));
    }
  }

  private static void unit(String field, double value, List<SpecViolation> out) {
    if (!(value >= 0 && value <= 1)) {
      out.add(new SpecViolation(field, "is " + value + ", outside 0..1"));
    }
  }

  private static void required(String field, Object value, List<SpecViolation> out) {
    if (value == null) {
      out.add(new SpecViolation(field, "is required"));
    }
  }

  private static void duration(String field, String value, List<SpecViolation> out) {
    if (value == null || !DURATION.matcher(value).matches()) {
      out.add(new SpecViolation(field, "is '" + value + "', not a duration such as 30s or 5m"));
    }
  }
}

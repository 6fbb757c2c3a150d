package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;

/** Names of everything the operator creates for a fleet, and the paths its pods see. */
public final class Names {
  public static final String ADMIN_TOKEN_DIR = "/var/run/microscope/admin";
  public static final String ADMIN_TOKEN_KEY = "token";
  public static final String ADMIN_TOKEN_FILE = ADMIN_TOKEN_DIR + "/" + ADMIN_TOKEN_KEY;
  public static final String CHAOS_DIR = "/etc/microscope/chaos";
  public static final String CHAOS_KEY = "chaos.json";
  public static final String CHAOS_FILE = CHAOS_DIR + "/" + CHAOS_KEY;
  public static final String CONFIG_DIR = "/etc/microscope/config";
  public static final String PROFILES_KEY = "profiles.json";
  public static final String PROFILES_FILE = CONFIG_DIR + "/" + PROFILES_KEY;
  public static final String TRAFFIC_KEY = "traffic.json";
  public static final String TRAFFIC_FILE = CONFIG_DIR + "/" + TRAFFIC_KEY;
  public static final String HTTP_PORT_NAME = "http";
  public static final int LOADGEN_PORT = 8089;

  private Names() {}

  /** Worker Deployment, its headless Service, PodMonitor and PodDisruptionBudget. */
  public static String workers(ChaosFleet fleet) {
    return fleet.getMetadata().getName() + "-workers";
  }

  public static String loadgen(ChaosFleet fleet) {
    return fleet.getMetadata().getName() + "-loadgen";
  }

  public static String adminSecret(ChaosFleet fleet) {
    return fleet.getMetadata().getName() + "-admin";
  }

  public static String chaosConfigMap(ChaosFleet fleet) {
    return fleet.getMetadata().getName() + "-chaos";
  }

  /** ConfigMap with the endpoint profiles and the traffic settings. */
  public static String configConfigMap(ChaosFleet fleet) {
    return fleet.getMetadata().getName() + "-config";
  }

  public static String quota(ChaosFleet fleet) {
    return fleet.getMetadata().getName() + "-quota";
  }

  public static String limitRange(ChaosFleet fleet) {
    return fleet.getMetadata().getName() + "-limits";
  }

  /** PrometheusRule with the fleet's own SLO rule group. */
  public static String sloRules(ChaosFleet fleet) {
    return fleet.getMetadata().getName() + "-slo";
  }

  /** {@code name:port} of the headless Service, what the traffic generator resolves. */
  public static String workersDns(ChaosFleet fleet) {
    return workers(fleet) + ":" + fleet.getSpec().getWorkers().getPort();
  }
}

package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.List;

/**
 * Volumes of the worker and traffic generator pods: the admin token, the chaos and config files,
 * and a writable /tmp (the root filesystem is read-only).
 */
final class PodVolumes {
  private static final String ADMIN = "admin-token";
  private static final String CHAOS = "chaos";
  private static final String CONFIG = "config";
  private static final String TMP = "tmp";

  private PodVolumes() {}

  static List<Volume> workerVolumes(ChaosFleet fleet) {
    return List.of(
        adminToken(fleet),
        configMap(CHAOS, Names.chaosConfigMap(fleet)),
        configMap(CONFIG, Names.configConfigMap(fleet)),
        tmp());
  }

  static List<VolumeMount> workerMounts(ChaosFleet fleet) {
    return List.of(
        mount(ADMIN, Names.ADMIN_TOKEN_DIR),
        mount(CHAOS, Names.CHAOS_DIR),
        mount(CONFIG, Names.CONFIG_DIR),
        writable(TMP, "/tmp"));
  }

  static List<Volume> loadgenVolumes(ChaosFleet fleet) {
    return List.of(adminToken(fleet), configMap(CONFIG, Names.configConfigMap(fleet)), tmp());
  }

  static List<VolumeMount> loadgenMounts() {
    return List.of(
        mount(ADMIN, Names.ADMIN_TOKEN_DIR),
        mount(CONFIG, Names.CONFIG_DIR),
        writable(TMP, "/tmp"));
  }

  private static Volume adminToken(ChaosFleet fleet) {
    // 0440 with the pod's fsGroup: readable by the process, by nobody else.
    return new VolumeBuilder()
        .withName(ADMIN)
        .withNewSecret()
        .withSecretName(Names.adminSecret(fleet))
        .withDefaultMode(0440)
        .endSecret()
        .build();
  }

  private static Volume configMap(String volume, String configMap) {
    return new VolumeBuilder()
        .withName(volume)
        .withNewConfigMap()
        .withName(configMap)
        .endConfigMap()
        .build();
  }

  private static Volume tmp() {
    return new VolumeBuilder()
        .withName(TMP)
        .withNewEmptyDir()
        .withSizeLimit(new io.fabric8.kubernetes.api.model.Quantity("64Mi"))
        .endEmptyDir()
        .build();
  }

  private static VolumeMount mount(String volume, String path) {
    return new VolumeMountBuilder().withName(volume).withMountPath(path).withReadOnly(true).build();
  }

  /**
   * Without readOnly rather than with readOnly: false. The API server does not store a false
   * readOnly, so a desired state that says it never matches the stored one and every reconcile
   * would apply the Deployment again.
   */
  private static VolumeMount writable(String volume, String path) {
    return new VolumeMountBuilder().withName(volume).withMountPath(path).build();
  }
}

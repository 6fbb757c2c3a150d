package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.kube.Labels.Component;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The bearer token of the workers' and traffic generator's admin APIs. Created once with a fresh
 * random token and never updated (no Updater), so the token does not change under running pods. It
 * is never logged and never copied into the fleet's status.
 */
@KubernetesDependent(
    informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR, itemStore = CompactStore.class))
public class AdminTokenSecret extends FleetDependent<Secret> {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Supplier<String> tokens;

  public AdminTokenSecret() {
    this(AdminTokenSecret::randomToken);
  }

  AdminTokenSecret(Supplier<String> tokens) {
    super(Secret.class);
    this.tokens = tokens;
  }

  @Override
  protected String name(ChaosFleet fleet) {
    return Names.adminSecret(fleet);
  }

  @Override
  protected Secret desired(FleetPlan plan) {
    var fleet = plan.fleet();
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name(fleet))
        .withNamespace(fleet.getMetadata().getNamespace())
        .withLabels(Labels.of(fleet, Component.ADMIN))
        .endMetadata()
        .withType("Opaque")
        .withImmutable(true)
        .withData(Map.of(Names.ADMIN_TOKEN_KEY, base64(tokens.get())))
        .build();
  }

  private static String base64(String token) {
    return Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.US_ASCII));
  }

  /** 256 random bits, hex encoded. */
  static String randomToken() {
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}

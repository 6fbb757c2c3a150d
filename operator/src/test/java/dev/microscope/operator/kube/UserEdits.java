package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.function.Consumer;

/**
 * Changes a fleet's spec as a user would with {@code kubectl edit}: read it, change it, write it
 * back with the resourceVersion that was read. The operator writes the same object (status,
 * finalizer), so a write can meet 409 Conflict; then the fleet is read again and the same change
 * applied, as kubectl asks a person to do.
 */
public final class UserEdits {
  private static final int ATTEMPTS = 20;

  private UserEdits() {}

  /** Applies {@code change} to the fleet and returns what the API server stored. */
  public static ChaosFleet edit(
      KubernetesClient client, String namespace, String name, Consumer<ChaosFleet> change) {
    var resource = client.resources(ChaosFleet.class).inNamespace(namespace).withName(name);
    for (int attempt = 1; ; attempt++) {
      try {
        return resource.edit(
            f -> {
              change.accept(f);
              return f;
            });
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}

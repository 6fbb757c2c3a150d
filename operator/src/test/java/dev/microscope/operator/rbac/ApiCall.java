package dev.microscope.operator.rbac;

import java.net.URI;
import java.util.Arrays;

/**
 * One request to the Kubernetes API in RBAC terms: the verb and the (group, resource, subresource)
 * it is authorized against, where it went (namespace, name), and the non-resource path for
 * discovery requests.
 *
 * @param resource "resource" or "resource/subresource", as RBAC rules name it
 * @param namespace null for cluster-wide and cluster-scoped requests
 * @param name null for collection requests (list, watch, create)
 * @param nonResourcePath the path of a request outside /api and /apis resources, else null
 */
record ApiCall(
    String verb,
    String group,
    String resource,
    String namespace,
    String name,
    String nonResourcePath) {

  boolean isResourceRequest() {
    return nonResourcePath == null;
  }

  /** The same call with another verb. */
  ApiCall withVerb(String other) {
    return new ApiCall(other, group, resource, namespace, name, nonResourcePath);
  }

  /** What the API server authorizes for an HTTP request (method, path with query). */
  static ApiCall of(String method, String pathAndQuery) {
    var uri = URI.create(pathAndQuery);
    var segments = Arrays.stream(uri.getRawPath().split("/")).filter(s -> !s.isEmpty()).toList();
    boolean core = !segments.isEmpty() && segments.get(0).equals("api");
    boolean named = !segments.isEmpty() && segments.get(0).equals("apis");
    int versionEnd = core ? 2 : 3;
    if (!(core || named) || segments.size() <= versionEnd) {
      return new ApiCall(method.toLowerCase(), null, null, null, null, uri.getRawPath());
    }
    String group = core ? "" : segments.get(1);
    var rest = segments.subList(versionEnd, segments.size());
    String namespace = null;
    if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    String resource = rest.get(0);
    String name = rest.size() > 1 ? rest.get(1) : null;
    if (rest.size() > 2) {
      resource = resource + "/" + String.join("/", rest.subList(2, rest.size()));
    }
    return new ApiCall(
        verb(method, name != null, watching(uri.getRawQuery())),
        group,
        resource,
        namespace,
        name,
        null);
  }

  private static boolean watching(String query) {
    return query != null
        && Arrays.stream(query.split("&"))
            .anyMatch(p -> p.equals("watch=true") || p.equals("watch=1"));
  }

  private static String verb(String method, boolean named, boolean watch) {
    return switch (method.toUpperCase()) {
      case "GET", "HEAD" -> watch ? "watch" : named ? "get" : "list";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> named ? "delete" : "deletecollection";
      default -> throw new IllegalArgumentException("unexpected HTTP method " + method);
    };
  }

  @Override
  public String toString() {
    if (!isResourceRequest()) {
      return verb + " " + nonResourcePath;
    }
    return verb
        + " "
        + (group.isEmpty() ? "core" : group)
        + "/"
        + resource
        + (name == null ? "" : " " + name)
        + (namespace == null ? " (cluster-wide)" : " in " + namespace);
  }
}

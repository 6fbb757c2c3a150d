package dev.microscope.operator.rbac;

import java.util.Set;

/**
 * What Kubernetes' default roles let every authenticated client do, so the chart need not grant it:
 * discovery ({@code system:discovery}) and asking about its own permissions ({@code
 * system:basic-user}).
 */
final class GrantedToEveryone {
  private static final Set<String> SELF_REVIEWS =
      Set.of(
          "authorization.k8s.io/selfsubjectaccessreviews",
          "authorization.k8s.io/selfsubjectrulesreviews",
          "authentication.k8s.io/selfsubjectreviews");

  private GrantedToEveryone() {}

  static boolean grants(ApiCall call) {
    if (!call.isResourceRequest()) {
      return call.verb().equals("get") && discovery(call.nonResourcePath());
    }
    return call.verb().equals("create")
        && SELF_REVIEWS.contains(call.group() + "/" + call.resource());
  }

  private static boolean discovery(String path) {
    return path.equals("/api")
        || path.startsWith("/api/")
        || path.equals("/apis")
        || path.startsWith("/apis/")
        || path.equals("/version")
        || path.startsWith("/openapi/");
  }
}

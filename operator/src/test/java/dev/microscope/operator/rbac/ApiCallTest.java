package dev.microscope.operator.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiCallTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      nullValues = "-",
      value = {
        "GET, /api/v1/namespaces/a/pods?labelSelector=x, list, '', pods, a, -",
        "GET, /api/v1/namespaces/a/pods?resourceVersion=1&watch=true, watch, '', pods, a, -",
        "GET, /api/v1/pods?watch=1, watch, '', pods, -, -",
        "GET, /api/v1/namespaces/a/pods/p, get, '', pods, a, p",
        "POST, /apis/apps/v1/namespaces/a/deployments, create, apps, deployments, a, -",
        "PUT, /apis/apps/v1/namespaces/a/deployments/d, update, apps, deployments, a, d",
        "PATCH, /apis/apps/v1/namespaces/a/deployments/d/scale, patch, apps, deployments/scale, a, d",
        "DELETE, /api/v1/namespaces/a/limitranges/l, delete, '', limitranges, a, l",
        "DELETE, /api/v1/namespaces/a/limitranges, deletecollection, '', limitranges, a, -",
        "GET, /apis/apiextensions.k8s.io/v1/customresourcedefinitions/x.y, get,"
            + " apiextensions.k8s.io, customresourcedefinitions, -, x.y",
        "GET, /api/v1/namespaces/a, get, '', namespaces, -, a",
      })
  void mapsARequestToWhatRbacAuthorizes(
      String method,
      String path,
      String verb,
      String group,
      String resource,
      String namespace,
      String name) {
    assertThat(ApiCall.of(method, path))
        .isEqualTo(new ApiCall(verb, group, resource, namespace, name, null));
  }

  @ParameterizedTest
  @CsvSource({"/api", "/apis", "/apis/apps/v1", "/version", "/api/v1"})
  void discoveryIsNoResourceRequest(String path) {
    var call = ApiCall.of("GET", path);
    assertThat(call.isResourceRequest()).isFalse();
    assertThat(GrantedToEveryone.grants(call)).isTrue();
  }
}

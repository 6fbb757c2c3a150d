package dev.microscope.operator.rbac;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectRulesReviewStatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * fabric8's CRUD dispatcher that also writes down every request of one client, told apart from the
 * test's own requests by its User-Agent. It answers the client's SelfSubjectRulesReview (which
 * leader election asks before it starts) with the rules the chart grants in that namespace, so
 * leader election refuses to start when the chart lacks what it needs.
 */
final class RecordingDispatcher extends KubernetesCrudDispatcher {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private final String userAgent;
  private final Function<String, List<OperatorRules.Rule>> grantedIn;
  private final List<ApiCall> calls = new CopyOnWriteArrayList<>();

  /**
   * @param grantedIn the rules the recorded client holds in a namespace
   */
  RecordingDispatcher(String userAgent, Function<String, List<OperatorRules.Rule>> grantedIn) {
    this.userAgent = userAgent;
    this.grantedIn = grantedIn;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (!userAgent.equals(request.getHeader("User-Agent"))) {
      return super.dispatch(request);
    }
    var call = ApiCall.of(request.getMethod(), request.getPath());
    calls.add(call);
    if (call.verb().equals("create") && "selfsubjectrulesreviews".equals(call.resource())) {
      return rulesReview(JSON.unmarshal(request.getUtf8Body(), SelfSubjectRulesReview.class));
    }
    return super.dispatch(request);
  }

  private MockResponse rulesReview(SelfSubjectRulesReview review) {
    var rules =
        grantedIn.apply(review.getSpec().getNamespace()).stream()
            .map(
                r ->
                    new ResourceRuleBuilder()
                        .withApiGroups(r.apiGroups())
                        .withResources(r.resources())
                        .withResourceNames(r.resourceNames())
                        .withVerbs(r.verbs())
                        .build())
            .toList();
    review.setStatus(
        new SubjectRulesReviewStatusBuilder()
            .withResourceRules(rules)
            .withNonResourceRules()
            .withIncomplete(false)
            .build());
    return new MockResponse().setResponseCode(201).setBody(JSON.asJson(review));
  }

  /** What the client asked so far, in order. */
  List<ApiCall> calls() {
    return List.copyOf(calls);
  }
}

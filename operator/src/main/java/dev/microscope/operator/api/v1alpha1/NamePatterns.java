package dev.microscope.operator.api.v1alpha1;

/** Name patterns the API shares with Kubernetes. */
public final class NamePatterns {
  /** A DNS-1123 subdomain: the name of most Kubernetes objects. */
  public static final String DNS_SUBDOMAIN =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  /** A DNS-1123 label: lower case, digits and dashes, at most 63 characters. */
  public static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$";

  private NamePatterns() {}
}

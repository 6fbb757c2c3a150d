package dev.microscope.operator.rbac;

/**
 * A verb on a resource of an API group, wherever and whatever its name: the unit of the chart's
 * RBAC rules.
 *
 * @param group "" for the core group
 * @param resource "resource" or "resource/subresource"
 */
record Permission(String verb, String group, String resource) {
  static Permission of(ApiCall call) {
    return new Permission(call.verb(), call.group(), call.resource());
  }

  @Override
  public String toString() {
    return verb + " " + (group.isEmpty() ? "" : group + "/") + resource;
  }
}

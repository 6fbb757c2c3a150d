package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Profiles of the three fake endpoints of a worker (worker --profiles). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProfilesSpec {
  @JsonPropertyDescription("Profile of GET /api/users (built-in: 50-200 ms, 5% errors).")
  private EndpointProfile users;

  @JsonPropertyDescription("Profile of POST /api/orders (built-in: 100-300 ms, 10% errors).")
  private EndpointProfile orders;

  @JsonPropertyDescription("Profile of GET /api/slow (built-in: 3-5 s, no errors).")
  private EndpointProfile slow;

  public EndpointProfile getUsers() {
    return users;
  }

  public void setUsers(EndpointProfile users) {
    this.users = users;
  }

  public EndpointProfile getOrders() {
    return orders;
  }

  public void setOrders(EndpointProfile orders) {
    this.orders = orders;
  }

  public EndpointProfile getSlow() {
    return slow;
  }

  public void setSlow(EndpointProfile slow) {
    this.slow = slow;
  }
}

package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Relative weights of the fake endpoints in the traffic. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TrafficMix {
  @JsonPropertyDescription("Weight of GET /api/users.")
  @Min(0)
  @Max(1000)
  @Default("70")
  private int users = 70;

  @JsonPropertyDescription("Weight of POST /api/orders.")
  @Min(0)
  @Max(1000)
  @Default("25")
  private int orders = 25;

  @JsonPropertyDescription("Weight of GET /api/slow.")
  @Min(0)
  @Max(1000)
  @Default("5")
  private int slow = 5;

  public int getUsers() {
    return users;
  }

  public void setUsers(int users) {
    this.users = users;
  }

  public int getOrders() {
    return orders;
  }

  public void setOrders(int orders) {
    this.orders = orders;
  }

  public int getSlow() {
    return slow;
  }

  public void setSlow(int slow) {
    this.slow = slow;
  }
}

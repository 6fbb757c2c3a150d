package dev.microscope.worker;

import dev.microscope.worker.json.BadFieldException;
import dev.microscope.worker.json.Json;
import dev.microscope.worker.json.JsonObjectReader;
import java.util.List;

/**
 * Checks a {@code POST /api/orders} body: {@code {"userId": "..", "items": [{"sku": "..", "qty":
 * n}]}}.
 */
public final class OrderValidator {
  private static final int MAX_ITEMS = 100;

  private OrderValidator() {}

  /** Returns normally for a valid order; otherwise a {@link BadFieldException} names the field. */
  public static void validate(byte[] body) {
    JsonObjectReader order = JsonObjectReader.root(Json.parse(body));
    requireText(order, "userId");
    List<JsonObjectReader> items = order.optionalObjects("items");
    if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
      throw new BadFieldException("items", "items must hold 1 to " + MAX_ITEMS + " items");
    }
    for (JsonObjectReader item : items) {
      requireText(item, "sku");
      item.requiredInteger("qty", 1, 1000);
      item.rejectUnknown();
    }
    order.rejectUnknown();
  }

  private static void requireText(JsonObjectReader object, String field) {
    String value = object.optionalString(field);
    if (value == null || value.isBlank()) {
      throw new BadFieldException(object.path(field), object.path(field) + " is required");
    }
  }
}

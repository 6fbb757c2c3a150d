package dev.microscope.operator.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Decodes the body of {@code /api/v1/query} into a {@link QueryResult}. */
final class ResultDecoder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultDecoder() {}

  /** The result of a 2xx answer. */
  static QueryResult decodeSuccess(String body, int attempts) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return badResponse("not JSON: " + e.getOriginalMessage(), attempts);
    }
    if (root == null || !"success".equals(root.path("status").asText())) {
      return badResponse("status is not success: " + abbreviate(body), attempts);
    }
    JsonNode data = root.path("data");
    List<String> warnings = new ArrayList<>();
    root.path("warnings").forEach(w -> warnings.add(w.asText()));
    String type = data.path("resultType").asText("");
    try {
      return switch (type) {
        case "vector" -> vector(data.path("result"), warnings);
        case "matrix" -> matrix(data.path("result"), warnings);
        case "scalar" -> scalar(data.path("result"), warnings);
        case "string" ->
            new QueryResult.Value(
                QueryResult.ResultType.STRING,
                List.of(),
                data.path("result").path(1).asText(),
                warnings);
        default -> badResponse("unknown resultType '" + type + "'", attempts);
      };
    } catch (IllegalArgumentException e) {
      return badResponse(e.getMessage(), attempts);
    }
  }

  /** The error message of a non-2xx answer: Prometheus' own when it sent one. */
  static String errorMessage(int status, String body) {
    try {
      JsonNode root = JSON.readTree(body);
      if (root != null && root.hasNonNull("error")) {
        return "HTTP "
            + status
            + " "
            + root.path("errorType").asText("")
            + ": "
            + root.path("error").asText();
      }
    } catch (JsonProcessingException e) {
      // not the API's error format; fall through to the raw text
    }
    return "HTTP " + status + ": " + abbreviate(body);
  }

  private static QueryResult vector(JsonNode result, List<String> warnings) {
    List<QueryResult.Series> series = new ArrayList<>();
    int nan = 0;
    for (JsonNode item : result) {
      QueryResult.Point point = point(item.path("value"));
      if (point == null) {
        nan++;
        continue;
      }
      series.add(new QueryResult.Series(labels(item.path("metric")), List.of(point)));
    }
    return valueOrNoData(QueryResult.ResultType.VECTOR, series, nan, warnings);
  }

  private static QueryResult matrix(JsonNode result, List<String> warnings) {
    List<QueryResult.Series> series = new ArrayList<>();
    int nan = 0;
    for (JsonNode item : result) {
      List<QueryResult.Point> points = new ArrayList<>();
      for (JsonNode p : item.path("values")) {
        QueryResult.Point point = point(p);
        if (point != null) {
          points.add(point);
        }
      }
      if (points.isEmpty()) {
        nan++;
      } else {
        series.add(new QueryResult.Series(labels(item.path("metric")), points));
      }
    }
    return valueOrNoData(QueryResult.ResultType.MATRIX, series, nan, warnings);
  }

  private static QueryResult scalar(JsonNode result, List<String> warnings) {
    QueryResult.Point point = point(result);
    if (point == null) {
      return new QueryResult.NoData(QueryResult.ResultType.SCALAR, "scalar is NaN");
    }
    return new QueryResult.Value(
        QueryResult.ResultType.SCALAR,
        List.of(new QueryResult.Series(Map.of(), List.of(point))),
        null,
        warnings);
  }

  private static QueryResult valueOrNoData(
      QueryResult.ResultType type,
      List<QueryResult.Series> series,
      int nan,
      List<String> warnings) {
    if (!series.isEmpty()) {
      return new QueryResult.Value(type, series, null, warnings);
    }
    String reason = nan == 0 ? "empty result" : "all " + nan + " series were NaN";
    return new QueryResult.NoData(type, reason);
  }

  /** A point, or null for NaN. */
  private static QueryResult.Point point(JsonNode pair) {
    if (!pair.isArray() || pair.size() != 2) {
      throw new IllegalArgumentException("a sample is not [time, \"value\"]: " + pair);
    }
    double value = parse(pair.get(1).asText());
    if (Double.isNaN(value)) {
      return null;
    }
    BigDecimal seconds = pair.get(0).decimalValue();
    Instant time =
        Instant.ofEpochSecond(
            seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
    return new QueryResult.Point(time, value);
  }

  static double parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "nan" -> Double.NaN;
      case "+inf", "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> {
        try {
          yield Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("a sample value is not a number: '" + text + "'", e);
        }
      }
    };
  }

  private static Map<String, String> labels(JsonNode metric) {
    Map<String, String> labels = new LinkedHashMap<>();
    metric.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  private static QueryResult badResponse(String reason, int attempts) {
    return new QueryResult.Error(QueryResult.ErrorKind.BAD_RESPONSE, reason, attempts);
  }

  static String abbreviate(String text) {
    String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }
}

package dev.microscope.operator.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Calls to the admin APIs of workers and traffic generators (docs/contract.md): bearer token, one
 * bounded timeout per call, and many calls at once on virtual threads. Never throws: every call
 * ends as success or as an error text fit for the decision log (no token in it).
 */
public final class AdminClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR_CHARS = 200;

  private final HttpClient http;
  private final Duration timeout;

  public AdminClient(Duration timeout) {
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** One request: method, target and body (null for none). */
  public record Call(String method, URI base, String path, String body) {
    public static Call put(URI base, String path, String body) {
      return new Call("PUT", base, path, body);
    }

    public static Call post(URI base, String path) {
      return new Call("POST", base, path, null);
    }

    public URI uri() {
      var b = base.toString();
      return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    }

    @Override
    public String toString() {
      return method + " " + uri();
    }
  }

  /** What became of a call: {@code error} is null on success. */
  public record Result(Call call, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  /** Sends every call at once and waits for all of them; each is bounded by the timeout. */
  public List<Result> send(List<Call> calls, AdminToken token) {
    if (calls.isEmpty()) {
      return List.of();
    }
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Result>> futures =
          calls.stream().map(c -> executor.submit(() -> send(c, token))).toList();
      return futures.stream().map(AdminClient::join).toList();
    }
  }

  /** One call, bounded by the timeout. */
  public Result send(Call call, AdminToken token) {
    if (token == null) {
      return new Result(call, "no admin token to call " + call.path() + " with");
    }
    var request =
        HttpRequest.newBuilder(call.uri())
            .timeout(timeout)
            .header("Authorization", token.header())
            .header("Content-Type", "application/json")
            .method(
                call.method(),
                call.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8))
            .build();
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      int code = response.statusCode();
      return code >= 200 && code < 300
          ? new Result(call, null)
          : new Result(call, call + ": HTTP " + code + " " + errorOf(response.body()));
    } catch (HttpTimeoutException e) {
      return new Result(call, call + ": no answer within " + timeout.toMillis() + "ms");
    } catch (IOException e) {
      return new Result(call, call + ": unreachable (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(call, call + ": interrupted");
    }
  }

  private static Result join(Future<Result> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling admin APIs", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("admin call failed unexpectedly", e.getCause());
    }
  }

  /** The {@code error} (and {@code field}) of an error answer, else the start of the body. */
  private static String errorOf(String body) {
    try {
      var node = JSON.readTree(body);
      if (node != null && node.hasNonNull("error")) {
        var field = node.path("field").asText("");
        return node.get("error").asText() + (field.isEmpty() ? "" : " (field " + field + ")");
      }
    } catch (IOException e) {
      // not JSON: fall through to the raw text
    }
    var text = body == null ? "" : body.strip();
    return text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) + "..." : text;
  }
}

package dev.microscope.worker;

import dev.microscope.testkit.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A worker started in the test's JVM on a free loopback port, from command-line flags. */
public final class RunningWorker implements AutoCloseable {
  public static final String TOKEN = "test-token-1234";

  private final WorkerApp app;
  private final AtomicInteger haltedWith = new AtomicInteger(-1);

  private RunningWorker(Map<String, String> env, InstantSource clock, String... flags) {
    List<String> args =
        new ArrayList<>(List.of("--bind", "127.0.0.1", "--port", "0", "--drain-seconds", "1"));
    args.addAll(List.of(flags));
    this.app = WorkerApp.start(WorkerFlags.parse(args, env), clock, haltedWith::set);
  }

  /** With the admin token {@link #TOKEN}. */
  public static RunningWorker start(String... flags) {
    return new RunningWorker(
        Map.of("MICROSCOPE_ADMIN_TOKEN", TOKEN), InstantSource.system(), flags);
  }

  public static RunningWorker start(Map<String, String> env, InstantSource clock, String... flags) {
    return new RunningWorker(env, clock, flags);
  }

  public WorkerApp app() {
    return app;
  }

  public String hostPort() {
    return "127.0.0.1:" + app.port();
  }

  public String url(String path) {
    return "http://" + hostPort() + path;
  }

  /** The status a crash in exit mode would have ended the process with, -1 if none. */
  public int haltedWith() {
    return haltedWith.get();
  }

  public HttpResponse<String> get(String path) {
    return Http.get(url(path));
  }

  public HttpResponse<String> post(String path, String json) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** An admin call with the right token; {@code body} may be null. */
  public HttpResponse<String> admin(String method, String path, String body) {
    return adminAs(TOKEN, method, path, body);
  }

  public HttpResponse<String> adminAs(String token, String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return Http.send(request);
  }

  @Override
  public void close() {
    app.close();
  }
}

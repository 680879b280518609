package policybot.slack;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack Web API calls the bot makes, each on its own thread so one slow call never holds up
 * another person's answer. A 429 is retried after the Retry-After Slack asks for, on a timer rather
 * than a sleeping thread; any other refusal is logged with what to do about it, and the bot goes on.
 */
final class SlackApi implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(SlackApi.class);

  /** Calls in flight at once: each mostly waits on the network, so many are cheap. */
  static final int IO_THREADS = 32;

  /** Tries per call, the first included: Slack's limits reset within a minute, so a few suffice. */
  static final int MAX_ATTEMPTS = 5;

  /** Wait when Slack says 429 without a usable Retry-After. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  /** Longest wait honoured: past this the answer is stale and the person has moved on. */
  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);

  /** Calls under way get this long to finish at shutdown. */
  static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

  private final Slack slack;
  private final MethodsClient methods;
  private final Gson gson;
  private final ExecutorService io = Executors.newFixedThreadPool(IO_THREADS, daemon("policybot-slack-io"));
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("policybot-slack-retry"));
  private final AtomicLong rateLimited = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  SlackApi(Slack slack, String botToken) {
    this.slack = slack;
    this.methods = slack.methods(botToken);
    this.gson = GsonFactory.createSnakeCase(slack.getConfig());
  }

  /** Posts a message; completes with its ts, or empty if Slack refused it. */
  CompletableFuture<Optional<String>> postMessage(String channel, String threadTs, String text, List<LayoutBlock> blocks) {
    return call(
        "chat.postMessage",
        channel,
        () ->
            methods.chatPostMessage(
                r -> r.channel(channel).threadTs(threadTs).text(text).blocks(blocks).unfurlLinks(false).unfurlMedia(false)),
        ChatPostMessageResponse::getTs);
  }

  /** Posts a message only {@code user} sees, in {@code channel} (and thread, if given). */
  CompletableFuture<Boolean> postEphemeral(String channel, String user, String threadTs, String text, List<LayoutBlock> blocks) {
    return call(
            "chat.postEphemeral",
            channel,
            () -> methods.chatPostEphemeral(r -> r.channel(channel).user(user).threadTs(threadTs).text(text).blocks(blocks)),
            r -> Boolean.TRUE)
        .thenApply(Optional::isPresent);
  }

  /** Opens (or finds) the bot's DM with {@code user}; completes with its channel id, or empty. */
  CompletableFuture<Optional<String>> openDm(String user) {
    return call(
        "conversations.open",
        user,
        () -> methods.conversationsOpen(r -> r.users(List.of(user)).returnIm(false)),
        r -> r.getChannel() == null ? null : r.getChannel().getId());
  }

  /** Replaces a message the bot posted; completes true once Slack accepted it. */
  CompletableFuture<Boolean> updateMessage(String channel, String ts, String text, List<LayoutBlock> blocks) {
    return call("chat.update", channel, () -> methods.chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)), r -> Boolean.TRUE)
        .thenApply(Optional::isPresent);
  }

  /** Opens a modal for the button press that gave {@code triggerId} (valid for 3 seconds). */
  CompletableFuture<Boolean> openView(String triggerId, View view) {
    return call("views.open", "-", () -> methods.viewsOpen(r -> r.triggerId(triggerId).view(view)), r -> Boolean.TRUE)
        .thenApply(Optional::isPresent);
  }

  CompletableFuture<Boolean> publishHome(String user, View view) {
    return call("views.publish", user, () -> methods.viewsPublish(r -> r.userId(user).view(view)), r -> Boolean.TRUE)
        .thenApply(Optional::isPresent);
  }

  /**
   * Answers through a response_url: private ({@code ephemeral}) or into the channel; {@code
   * replaceOriginal} swaps the message the button was on.
   */
  CompletableFuture<Boolean> respond(
      String responseUrl, boolean inChannel, boolean replaceOriginal, String text, List<LayoutBlock> blocks) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("response_type", inChannel ? "in_channel" : "ephemeral");
    body.put("replace_original", replaceOriginal);
    body.put("text", text);
    if (blocks != null) {
      body.put("blocks", blocks);
    }
    String json = gson.toJson(body);
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    respond(responseUrl, json, 1, done);
    return done;
  }

  /** How many calls were slowed by a 429, and how many Slack refused outright. */
  long rateLimitedCalls() {
    return rateLimited.get();
  }

  long refusedCalls() {
    return refused.get();
  }

  private void respond(String url, String json, int attempt, CompletableFuture<Boolean> done) {
    io.execute(
        () -> {
          try {
            WebhookResponse res = slack.send(url, json);
            if (res.getCode() == 429 && attempt < MAX_ATTEMPTS) {
              retryLater("response_url", "-", header(res.getHeaders(), "retry-after"), attempt, () -> respond(url, json, attempt + 1, done));
            } else if (res.getCode() / 100 != 2) {
              refusal("response_url", "-", res.getCode() + " " + res.getBody());
              done.complete(false);
            } else {
              done.complete(true);
            }
          } catch (IOException | RuntimeException e) {
            failure("response_url", "-", e);
            done.complete(false);
          }
        });
  }

  /** A Web API call that cannot throw anything but Slack's and the network's exceptions. */
  @FunctionalInterface
  interface Call<T> {
    T call() throws IOException, SlackApiException;
  }

  private <T extends SlackApiTextResponse, R> CompletableFuture<Optional<R>> call(
      String method, String where, Call<T> call, Function<T, R> result) {
    CompletableFuture<Optional<R>> done = new CompletableFuture<>();
    attempt(method, where, call, result, 1, done);
    return done;
  }

  private <T extends SlackApiTextResponse, R> void attempt(
      String method, String where, Call<T> call, Function<T, R> result, int attempt, CompletableFuture<Optional<R>> done) {
    io.execute(
        () -> {
          try {
            T res = call.call();
            if (res.isOk()) {
              done.complete(Optional.ofNullable(result.apply(res)));
            } else {
              refusal(method, where, res.getError());
              done.complete(Optional.empty());
            }
          } catch (SlackApiException e) {
            if (e.getResponse().code() == 429 && attempt < MAX_ATTEMPTS) {
              retryLater(method, where, e.getResponse().header("Retry-After"), attempt, () -> attempt(method, where, call, result, attempt + 1, done));
            } else {
              refusal(method, where, e.getError() != null ? e.getError().getError() : "HTTP " + e.getResponse().code());
              done.complete(Optional.empty());
            }
          } catch (IOException | RuntimeException e) {
            failure(method, where, e);
            done.complete(Optional.empty());
          }
        });
  }

  private void retryLater(String method, String where, String retryAfter, int attempt, Runnable retry) {
    Duration wait = retryAfter(retryAfter);
    rateLimited.incrementAndGet();
    log.atWarn()
        .addKeyValue("method", method)
        .addKeyValue("target", where)
        .addKeyValue("retry_after_ms", wait.toMillis())
        .addKeyValue("attempt", attempt)
        .log("Slack rate limit (429): retrying after the wait Slack asked for");
    timer.schedule(retry, wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return DEFAULT_RETRY_AFTER;
    }
    try {
      Duration d = Duration.ofSeconds(Long.parseLong(header.strip()));
      if (d.isNegative()) {
        return DEFAULT_RETRY_AFTER;
      }
      return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    } catch (NumberFormatException e) {
      return DEFAULT_RETRY_AFTER;
    }
  }

  private void refusal(String method, String where, String error) {
    refused.incrementAndGet();
    String what = error == null ? "unknown_error" : error;
    var event = isTokenProblem(what) ? log.atError() : log.atWarn();
    event
        .addKeyValue("method", method)
        .addKeyValue("target", where)
        .addKeyValue("error", what)
        .log("Slack refused " + method + ": " + what + " (" + hint(what) + ")");
  }

  private void failure(String method, String where, Exception e) {
    refused.incrementAndGet();
    log.atWarn()
        .addKeyValue("method", method)
        .addKeyValue("target", where)
        .addKeyValue("error", e.toString())
        .log("could not reach Slack for " + method);
  }

  static boolean isTokenProblem(String error) {
    return switch (error) {
      case "token_revoked", "invalid_auth", "account_inactive", "not_authed", "token_expired" -> true;
      default -> false;
    };
  }

  /** What a person running the bot should do about a Slack error. */
  static String hint(String error) {
    return switch (error) {
      case "channel_not_found" -> "the channel is gone or the bot cannot see it; the answer was not delivered";
      case "not_in_channel" -> "the bot is not in that channel: invite it with /invite @Policy Bot";
      case "is_archived" -> "the channel is archived";
      case "missing_scope" -> "the app lacks a scope: update it from deploy/slack-app-manifest.yml and reinstall";
      case "token_revoked", "invalid_auth", "account_inactive", "not_authed", "token_expired" ->
          "the bot token no longer works: reinstall the app and update SLACK_BOT_TOKEN; other channels keep working";
      case "expired_url", "used_url" -> "the response_url is spent; Slack allows five uses within 30 minutes";
      default -> "see https://api.slack.com/methods for the error";
    };
  }

  private static String header(Map<String, List<String>> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    timer.shutdownNow();
    io.shutdown();
    try {
      if (!io.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        io.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package policybot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import policybot.slack.SlackFixture.Payloads;

/**
 * Policy Bot over Socket Mode: apps.connections.open hands out the address of a loopback WebSocket
 * server that speaks Slack's envelope protocol (hello, events_api, slash_commands, interactive, and
 * the app's envelope_id acks).
 */
class SlackSocketModeTest {
  static FakeSlack slack;
  static SocketModeServer socket;
  static SlackFixture fx;

  @BeforeAll
  static void start() throws Exception {
    slack = new FakeSlack();
    socket = new SocketModeServer();
    socket.startAndWait();
    slack.socketUrl("ws://127.0.0.1:" + socket.getPort() + "/link/?ticket=test");
    fx = SlackFixture.start(slack, Files.createTempDirectory("policybot-slack-socket"), Map.of("SLACK_APP_TOKEN", "xapp-1-test", "SLACK_SIGNING_SECRET", ""));
    assertThat(fx.channel.mode()).isEqualTo(SlackSettings.Mode.SOCKET);
    assertThat(socket.connected.await(20, TimeUnit.SECONDS)).as("the app dialled in").isTrue();
  }

  @AfterAll
  static void stop() throws Exception {
    fx.close();
    socket.stop(1_000);
  }

  @Test
  void should_ack_an_event_envelope_and_answer_the_dm() throws Exception {
    String user = SlackHttpTest.user();
    String envelope = socket.send("events_api", Payloads.dm(SlackHttpTest.eventId(), "T1", user, SlackHttpTest.PHONE_PHOTOS, Payloads.nextTs(), null, null), 0);

    Duration ack = socket.awaitAck(envelope);

    assertThat(ack).isLessThan(SlackHttpTest.ACK_LIMIT);
    assertThat(slack.awaitCall("chat.postMessage", c -> ("D" + user).equals(c.get("channel"))).text()).contains(SlackHttpTest.PHONE_PHOTOS_RULE);
    assertThat(slack.calls("apps.connections.open")).isNotEmpty();
  }

  @Test
  void should_answer_a_slash_command_envelope_privately() throws Exception {
    String user = SlackHttpTest.user();
    ObjectNode command = FakeSlack.JSON.createObjectNode();
    for (String pair : Payloads.command("T1", "CSTAFF", user, SlackHttpTest.PHONE_PHOTOS, slack.responseUrl("sock-" + user)).split("&")) {
      String[] kv = pair.split("=", 2);
      command.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
    }
    String envelope = socket.send("slash_commands", command.toString(), 0);

    socket.awaitAck(envelope);

    FakeSlack.Call reply = slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/sock-" + user));
    assertThat(reply.get("response_type")).isEqualTo("ephemeral");
    assertThat(reply.actionIds()).contains(AnswerBlocks.ACTION_SHARE);

    String click = socket.send("interactive", Payloads.click("T1", "CSTAFF", user, AnswerBlocks.ACTION_HELPFUL, SlackHttpTest.answerIdOf(reply), slack.responseUrl("sock-" + user)), 0);
    socket.awaitAck(click);
    slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/sock-" + user) && c.text().contains("noted that this answer helped"));
  }

  @Test
  void should_not_answer_a_redelivered_envelope_twice() throws Exception {
    String user = SlackHttpTest.user();
    String body = Payloads.dm(SlackHttpTest.eventId(), "T1", user, SlackHttpTest.PHONE_PHOTOS, Payloads.nextTs(), null, null);
    socket.awaitAck(socket.send("events_api", body, 0));
    slack.awaitCall("chat.postMessage", c -> ("D" + user).equals(c.get("channel")));

    socket.awaitAck(socket.send("events_api", body, 1));
    String other = SlackHttpTest.user();
    socket.awaitAck(socket.send("events_api", Payloads.dm(SlackHttpTest.eventId(), "T1", other, SlackHttpTest.PHONE_PHOTOS, Payloads.nextTs(), null, null), 0));
    slack.awaitCall("chat.postMessage", c -> ("D" + other).equals(c.get("channel")));
    FakeSlack.sleep(200);

    assertThat(slack.calls("chat.postMessage", c -> ("D" + user).equals(c.get("channel")))).hasSize(1);
  }

  @Test
  void should_not_serve_the_http_endpoint_in_socket_mode() {
    assertThat(fx.event(Payloads.homeOpened(SlackHttpTest.eventId(), "T1", SlackHttpTest.user())).statusCode()).isEqualTo(404);
  }

  /** A loopback Socket Mode endpoint: says hello, sends envelopes, records the app's acks. */
  static final class SocketModeServer extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch connected = new CountDownLatch(1);
    final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    final Map<String, Long> ackedAt = new ConcurrentHashMap<>();
    final List<WebSocket> clients = new CopyOnWriteArrayList<>();

    SocketModeServer() {
      super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      setReuseAddr(true);
    }

    void startAndWait() throws InterruptedException {
      start();
      if (!started.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("socket server did not start");
      }
    }

    /** Sends an envelope of {@code type} around {@code payload}; returns its envelope id. */
    String send(String type, String payload, int retryAttempt) throws IOException {
      String id = SlackFixture.unique("env-");
      ObjectNode env = FakeSlack.JSON.createObjectNode().put("envelope_id", id).put("type", type)
          .put("accepts_response_payload", !type.equals("events_api"));
      env.set("payload", FakeSlack.JSON.readTree(payload));
      if (type.equals("events_api")) {
        env.put("retry_attempt", retryAttempt).put("retry_reason", retryAttempt == 0 ? "" : "timeout");
      }
      sentAt.put(id, System.nanoTime());
      clients.get(clients.size() - 1).send(env.toString());
      return id;
    }

    Duration awaitAck(String envelopeId) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline) {
        Long acked = ackedAt.get(envelopeId);
        if (acked != null) {
          return Duration.ofNanos(acked - sentAt.get(envelopeId));
        }
        FakeSlack.sleep(5);
      }
      throw new AssertionError("no ack for envelope " + envelopeId);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      clients.add(conn);
      conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"loopback\",\"approximate_connection_time\":3600},\"connection_info\":{\"app_id\":\"A1\"}}");
      connected.countDown();
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      try {
        JsonNode ack = FakeSlack.JSON.readTree(message);
        if (ack.hasNonNull("envelope_id")) {
          ackedAt.putIfAbsent(ack.get("envelope_id").asText(), System.nanoTime());
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
      clients.remove(conn);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.countDown();
    }
  }
}

package dev.segmentagent.slack;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for Slack on loopback: the Web API under {@code /api/} (answers ok like Slack does) and
 * response URLs under {@code /respond/}. Records every request it receives.
 */
final class FakeSlack implements AutoCloseable {

    record Received(String path, String contentType, String authorization, String body) {

        /** The fields of a form-encoded Web API call (chat.postMessage sends blocks as a JSON string field). */
        Map<String, String> form() {
            return FormBody.parse(body);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    FakeSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            byte[] answer = (exchange.getRequestURI().getPath().startsWith("/api/")
                    ? "{\"ok\":true,\"channel\":\"C0TEST\",\"ts\":\"1700000000.000100\"}" : "ok")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", exchange.getRequestURI().getPath().startsWith("/api/")
                    ? "application/json; charset=utf-8" : "text/html");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    List<Received> all() {
        return List.copyOf(received);
    }

    /** Waits until {@code path} has received {@code count} requests; returns what it received. */
    List<Received> await(String path, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received(path).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return received(path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

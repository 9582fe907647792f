package nl.kindplan.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A receiver's webhook for tests, on loopback: {@code /ok} answers 204 and keeps what it got,
 * {@code /fail} answers 500 and counts the attempts.
 */
public final class TestWebhooks {

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failedAttempts = new AtomicInteger();

    public TestWebhooks() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/ok", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/fail", exchange -> {
            exchange.getRequestBody().readAllBytes();
            failedAttempts.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<String> received() {
        return received;
    }

    public int failedAttempts() {
        return failedAttempts.get();
    }
}

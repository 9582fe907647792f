package nl.kindplan.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * The HTTP sources of the tests, on loopback: {@code /bron/<source>} answers what a test queued
 * for it, one answer per request, and 204 (nothing new) when nothing is queued.
 */
public final class TestHttpSources {

    /** One answer: a status, a body, and how long to wait before answering (to provoke a timeout). */
    public record Answer(int status, String body, long delayMillis) {
    }

    private final HttpServer server;
    private final Map<String, Queue<Answer>> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    public TestHttpSources() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/bron/", exchange -> {
            String source = exchange.getRequestURI().getPath().substring("/bron/".length());
            requests.computeIfAbsent(source, s -> new AtomicInteger()).incrementAndGet();
            Answer answer = answers.getOrDefault(source, new ConcurrentLinkedQueue<>()).poll();
            try {
                if (answer == null) {
                    exchange.sendResponseHeaders(204, -1);
                    return;
                }
                Thread.sleep(answer.delayMillis());
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the hub gave up waiting (a timeout the test provoked): nothing to answer to
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public String url(String source) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/bron/" + source;
    }

    public void queue(String source, Answer... next) {
        Queue<Answer> queue = answers.computeIfAbsent(source, s -> new ConcurrentLinkedQueue<>());
        queue.addAll(java.util.List.of(next));
    }

    public int requests(String source) {
        return requests.getOrDefault(source, new AtomicInteger()).get();
    }
}

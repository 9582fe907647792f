package nl.kindplan.hub.api;

import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/**
 * Why the API refuses a request, in Dutch and in the body: {@code {"fout": "…"}} beside the status
 * (404, 400, 409…), the same field in every controller of this package.
 */
final class Fout {

    private Fout() {
    }

    static ResponseEntity<Map<String, String>> antwoord(HttpStatusCode status, String reden) {
        return ResponseEntity.status(status).body(Map.of("fout", String.valueOf(reden)));
    }

    static ResponseEntity<Map<String, String>> antwoord(ResponseStatusException e) {
        return antwoord(e.getStatusCode(), e.getReason());
    }
}

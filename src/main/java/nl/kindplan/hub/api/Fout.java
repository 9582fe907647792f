package nl.kindplan.hub.api;

import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Why the API refuses a request, in Dutch and in the body: {@code {"fout": "…"}} beside the status
 * (404, 400, 409…), the same field in every controller of this package. A controller's
 * {@link ResponseStatusException} is answered here for all of them.
 */
@RestControllerAdvice(basePackageClasses = Fout.class)
final class Fout {

    static ResponseEntity<Map<String, String>> antwoord(HttpStatusCode status, String reden) {
        return ResponseEntity.status(status).body(Map.of("fout", String.valueOf(reden)));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, String>> weigering(ResponseStatusException e) {
        return antwoord(e.getStatusCode(), e.getReason());
    }
}

package nl.kindplan.hub.api;

import java.util.Map;

import nl.kindplan.hub.delivery.DeadLetters;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dead-letter queue: {@code GET /api/dlq} lists what waits there (the child masked), and
 * {@code POST /api/dlq/{messageId}/opnieuw} sends one message again to its original destination and
 * takes it off the queue (see {@link DeadLetters}).
 */
@RestController
@RequestMapping("/api/dlq")
public class DlqController {

    private final DeadLetters deadLetters;

    public DlqController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    public DeadLetters.Listing list(@RequestParam(name = "max", defaultValue = "100") int max) {
        return deadLetters.list(Math.min(Math.max(max, 1), 500));
    }

    /** {@code 200} with VERZONDEN or OPNIEUW_MISLUKT; {@code 404} not on the queue; {@code 409} no known destination. */
    @PostMapping("/{messageId}/opnieuw")
    public DeadLetters.Resent resend(@PathVariable("messageId") String messageId) {
        return deadLetters.resend(messageId);
    }

    @ExceptionHandler(DeadLetters.NotFound.class)
    ResponseEntity<Map<String, String>> notFound(DeadLetters.NotFound e) {
        return Fout.antwoord(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(DeadLetters.NotResendable.class)
    ResponseEntity<Map<String, String>> notResendable(DeadLetters.NotResendable e) {
        return Fout.antwoord(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> failed(IllegalStateException e) {
        return Fout.antwoord(HttpStatus.BAD_GATEWAY, e.getMessage());
    }
}

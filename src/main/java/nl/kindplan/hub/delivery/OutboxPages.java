package nl.kindplan.hub.delivery;

import org.apache.camel.ExchangeProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The delivery route's walk through the pending outbox, a page at a time in outbox id order
 * ({@code kindplan.delivery.page-size} messages, 1000 by default): memory stays bounded at any
 * size of night, and each read is a short range scan of the index on (status, id).
 */
@Component("outboxPages")
public class OutboxPages {

    private final Outbox outbox;
    private final int pageSize;

    public OutboxPages(Outbox outbox, @Value("${kindplan.delivery.page-size:1000}") int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("kindplan.delivery.page-size must be at least 1, not " + pageSize);
        }
        this.outbox = outbox;
        this.pageSize = pageSize;
    }

    /** The page after the last one the route took ({@code kindplanOutboxAfter}, 0 at first). */
    public OutboxPage next(@ExchangeProperty("kindplanOutboxAfter") long afterId) {
        return outbox.page(afterId, pageSize);
    }
}

package nl.kindplan.hub.delivery;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.ExchangeProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The transactional outbox: a case event is queued here for each recipient and channel in the
 * same transaction that stores it, and the delivery route sends what is pending, in order, once,
 * a page at a time. A message goes PENDING → SENT (or DEAD); a batch of JMS messages is SENDING
 * while its send is under way, so that one found SENDING after a crash is known to be in doubt
 * (see {@link JmsDelivery}). Batches change in one statement each, so a commit per batch.
 */
@Component("outbox")
public class Outbox {

    public enum Channel { JMS, WEBHOOK }

    /** One message waiting to be sent: the JSON for one recipient over one channel. */
    public record Message(long id, String caseId, String event, String signal, RecipientType recipientType,
                          String recipientCode, Channel channel, String destination, String payload) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** A message to be queued for a stored event: for one recipient over one channel. */
    public record NewMessage(long eventId, Recipient recipient, Channel channel, String destination, String payload) {
    }

    /** Queues these messages PENDING, one JDBC batch, in the caller's transaction (the one that stores their events). */
    public void addAll(List<NewMessage> messages) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        jdbc.batchUpdate("INSERT INTO outbox (case_event_id, recipient_type, recipient_code, channel, destination, "
                + "payload, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?)", messages, 1000, (ps, m) -> {
                    ps.setLong(1, m.eventId());
                    ps.setString(2, m.recipient().type().name());
                    ps.setString(3, m.recipient().code());
                    ps.setString(4, m.channel().name());
                    ps.setString(5, m.destination());
                    ps.setString(6, m.payload());
                    ps.setTimestamp(7, now);
                });
    }

    static final String PAGE = """
            SELECT o.id, e.case_id, e.event, c.signal, o.recipient_type, o.recipient_code, o.channel,
                   o.destination, o.payload
              FROM outbox o JOIN case_event e ON e.id = o.case_event_id JOIN signal_case c ON c.case_id = e.case_id
             WHERE o.status = 'PENDING' AND o.id > ? ORDER BY o.status, o.id FETCH FIRST ? ROWS ONLY""";

    /**
     * The pending messages after {@code afterId}, oldest first, at most {@code size}: a keyset page
     * on the index (status, id), so that a night of 200 000 messages is never read whole. The order
     * names both columns of that index (status is one value here, so it is still id order): with
     * {@code ORDER BY o.id} alone H2 did not see that the index is sorted, joined every pending row
     * and sorted them for each page, and at national size delivery stalled on that query.
     */
    public OutboxPage page(long afterId, int size) {
        List<Message> messages = jdbc.query(PAGE,
                (rs, n) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        RecipientType.valueOf(rs.getString(5)), rs.getString(6), Channel.valueOf(rs.getString(7)),
                        rs.getString(8), rs.getString(9)), afterId, size);
        long lastId = messages.isEmpty() ? afterId : messages.get(messages.size() - 1).id();
        return new OutboxPage(messages, lastId, messages.size() == size);
    }

    /**
     * Takes a batch of pending messages for sending, in one statement: PENDING becomes SENDING,
     * committed before the send begins. Answers how many were pending.
     */
    public int claim(List<Long> ids) {
        return named.update("UPDATE outbox SET status = 'SENDING' WHERE status = 'PENDING' " + IN_RANGE, range(ids));
    }

    /** Those of these messages that are SENDING now. */
    public List<Long> sending(List<Long> ids) {
        return named.queryForList("SELECT id FROM outbox WHERE status = 'SENDING' " + IN_RANGE + " ORDER BY id",
                range(ids), Long.class);
    }

    /** A batch whose JMS transaction committed: SENT, in one statement. */
    public void markBatchSent(List<Long> ids) {
        Map<String, Object> values = range(ids);
        values.put("now", now());
        named.update("UPDATE outbox SET status = 'SENT', attempts = attempts + 1, sent_at = :now WHERE status = 'SENDING' "
                + IN_RANGE, values);
    }

    /** Delivered; a message that was dead-lettered meanwhile stays dead. */
    public void markSent(@ExchangeProperty("kindplanOutboxId") long id) {
        jdbc.update("UPDATE outbox SET status = 'SENT', attempts = attempts + 1, sent_at = ? "
                + "WHERE id = ? AND status IN ('PENDING', 'SENDING')", Timestamp.valueOf(LocalDateTime.now()), id);
    }

    public String status(long id) {
        return jdbc.queryForObject("SELECT status FROM outbox WHERE id = ?", String.class, id);
    }

    /** The JMS messages whose send began but is not known to have ended: in doubt. */
    public List<Long> inDoubt() {
        return jdbc.queryForList("SELECT id FROM outbox WHERE status = 'SENDING' ORDER BY id", Long.class);
    }

    /** These reached the broker (their receipt says so): SENT, whatever the outbox thought. */
    public void markDelivered(List<Long> ids) {
        for (List<Long> chunk : chunks(ids)) {
            Map<String, Object> values = range(chunk);
            values.put("now", now());
            named.update("UPDATE outbox SET status = 'SENT', attempts = attempts + 1, sent_at = :now "
                    + "WHERE status IN ('PENDING', 'SENDING') " + IN_RANGE, values);
        }
    }

    /** In doubt, but found not to have reached the broker: pending again, in one statement. */
    public void release(List<Long> ids) {
        for (List<Long> chunk : chunks(ids)) {
            named.update("UPDATE outbox SET status = 'PENDING' WHERE status = 'SENDING' " + IN_RANGE, range(chunk));
        }
    }

    /** A dead letter an operator re-sent, delivered after all: SENT. */
    public void markResent(long id) {
        jdbc.update("UPDATE outbox SET status = 'SENT', attempts = attempts + 1, sent_at = ? WHERE id = ?",
                Timestamp.valueOf(LocalDateTime.now()), id);
    }

    /** Could not be delivered after the retries: it went to the dead-letter queue with this reason. */
    public void markDead(@ExchangeProperty("kindplanOutboxId") long id, @ExchangeProperty("kindplanReason") String reason) {
        jdbc.update("UPDATE outbox SET status = 'DEAD', attempts = attempts + 1, last_error = ? WHERE id = ?",
                reason == null ? null : reason.substring(0, Math.min(reason.length(), 2000)), id);
    }

    public long countByStatus(String status) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE status = ?", Long.class, status);
    }

    /**
     * The ids of a batch, also as the range they lie in: with it the database reads a short stretch
     * of the index on (status, id) instead of every row of that status (an outbox of a night has
     * 200 000 PENDING rows at national size).
     */
    private static final String IN_RANGE = "AND id BETWEEN :first AND :last AND id IN (:ids)";

    /** At most this many ids in one statement (a batch is smaller): PostgreSQL takes 32 767 parameters. */
    static final int MAX_IDS = 1000;

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += MAX_IDS) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + MAX_IDS)));
        }
        return chunks;
    }

    private static Map<String, Object> range(List<Long> ids) {
        Map<String, Object> values = new HashMap<>();
        values.put("ids", ids);
        values.put("first", ids.stream().mapToLong(Long::longValue).min().orElseThrow());
        values.put("last", ids.stream().mapToLong(Long::longValue).max().orElseThrow());
        return values;
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now());
    }
}

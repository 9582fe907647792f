package nl.kindplan.hub.delivery;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pending outbox messages made straight in the store, many at once, for the delivery tests and the
 * benchmark: {@code cases} closed cases of one existing child, each with {@code rounds} events,
 * queued round by round (the events of one case lie {@code cases} outbox ids apart, so they cross
 * page and batch boundaries). The payload says which case and which of its events it is.
 */
final class SyntheticOutbox {

    /** One queued message: its outbox id, its case and the number of its event within the case (0, 1, ...). */
    record Queued(long outboxId, String caseId, int seq) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    SyntheticOutbox(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A child and a running night to queue for, as the store needs them; answers {kindId, runId}. */
    long[] kindAndNight(LocalDate asOf) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        jdbc.update("INSERT INTO kind (created_at, updated_at) VALUES (?, ?)", now, now);
        jdbc.update("INSERT INTO nightly_run (as_of, run_trigger, status, started_at) VALUES (?, 'API', 'RUNNING', ?)",
                asOf, now);
        return new long[]{jdbc.queryForObject("SELECT MAX(id) FROM kind", Long.class),
                jdbc.queryForObject("SELECT MAX(id) FROM nightly_run", Long.class)};
    }

    /**
     * Queues the messages for one gemeente over one channel to one destination, in one transaction;
     * answers them in outbox id order.
     */
    List<Queued> queue(long kindId, long runId, int cases, int rounds, String gemeente, Outbox.Channel channel,
                       String destination) {
        return tx.execute(status -> {
            LocalDate day = LocalDate.of(2026, 4, 6);
            Timestamp now = Timestamp.valueOf(LocalDateTime.now());
            List<String> caseIds = new ArrayList<>();
            for (int c = 0; c < cases; c++) {
                String caseId = UUID.randomUUID().toString();
                caseIds.add(caseId);
                jdbc.update("INSERT INTO signal_case (case_id, kind_id, signal, severity, since, open, opened_as_of, "
                        + "closed_as_of) VALUES (?, ?, 'ABSOLUUT_VERZUIM', 'SIGNAAL', ?, FALSE, ?, ?)",
                        caseId, kindId, day, day, day);
            }
            List<Queued> queued = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (String caseId : caseIds) {
                    long eventId = insert("INSERT INTO case_event (case_id, event, severity, since, as_of, run_id, "
                            + "created_at) VALUES (?, ?, 'SIGNAAL', ?, ?, ?, ?)", caseId, round == 0 ? "OPENED" : "UPDATED",
                            day, day, runId, now);
                    String payload = "{\"caseId\":\"" + caseId + "\",\"seq\":" + round + "}";
                    long outboxId = insert("INSERT INTO outbox (case_event_id, recipient_type, recipient_code, channel, "
                            + "destination, payload, status, created_at) VALUES (?, 'GEMEENTE', ?, ?, ?, ?, "
                            + "'PENDING', ?)", eventId, gemeente, channel.name(), destination, payload, now);
                    queued.add(new Queued(outboxId, caseId, round));
                }
            }
            return queued;
        });
    }

    private long insert(String sql, Object... values) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps;
        }, key);
        return key.getKey().longValue();
    }
}

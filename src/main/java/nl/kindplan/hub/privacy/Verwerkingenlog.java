package nl.kindplan.hub.privacy;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.kindplan.hub.delivery.Minimisation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The processing log (table {@code verwerking}): append-only, so this class only inserts and reads.
 * Case messages and webhook calls are logged after delivery, set-based from the outbox; views,
 * inzage requests and exports as they happen.
 */
@Component
public class Verwerkingenlog {

    /** The actor of what the night does. */
    public static final String HUB = "kindplan-hub";
    private static final int PAGE = 1000;
    /** SENT: disclosed; DEAD: a webhook call that failed for good. PENDING and SENDING wait for a later night. */
    private static final java.util.Set<String> FINAL = java.util.Set.of("SENT", "DEAD");

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;
    private final PseudonymKey pseudonyms;
    private final Minimisation profiles;
    private final Verwerkingsactiviteiten register;

    public Verwerkingenlog(JdbcTemplate jdbc, TransactionTemplate tx, PseudonymKey pseudonyms,
                           Minimisation profiles, Verwerkingsactiviteiten register) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tx = tx;
        this.pseudonyms = pseudonyms;
        this.profiles = profiles;
        this.register = register;
    }

    private record Delivered(long outboxId, String recipientType, String recipientCode, String channel, String status,
                             Timestamp sentAt, String caseId, long runId, String signal, String bsn,
                             String onderwijsnummer) {
    }

    /**
     * Logs every outbox row that is SENT (a disclosure) or DEAD (a failed webhook call) and has no entry
     * for that outcome yet, a window of outbox ids at a time: a rerun logs nothing twice. Answers how many.
     */
    public int logDeliveries() {
        Long first = jdbc.queryForObject("SELECT MIN(id) FROM outbox", Long.class);
        Long last = jdbc.queryForObject("SELECT MAX(id) FROM outbox", Long.class);
        if (first == null) {
            return 0;
        }
        int logged = 0;
        // windows of the primary key, not LIMIT pages: each query reads at most PAGE rows and sorts nothing;
        // the status is tested here, as a condition on it would lead H2 into the (status, id) index
        for (long from = first - 1; from < last; from += PAGE) {
            List<Delivered> page = jdbc.query("""
                    SELECT o.id, o.recipient_type, o.recipient_code, o.channel, o.status, o.sent_at,
                           e.case_id, e.run_id, c.signal, k.bsn, k.onderwijsnummer
                      FROM outbox o
                      JOIN case_event e ON e.id = o.case_event_id
                      JOIN signal_case c ON c.case_id = e.case_id
                      JOIN kind k ON k.id = c.kind_id
                     WHERE o.id > ? AND o.id <= ?
                       AND NOT EXISTS (SELECT 1 FROM verwerking v WHERE v.outbox_id = o.id AND v.uitkomst = o.status)
                    """, (rs, n) -> new Delivered(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getTimestamp(6), rs.getString(7), rs.getLong(8),
                    rs.getString(9), rs.getString(10), rs.getString(11)), from, from + PAGE)
                    .stream().filter(d -> FINAL.contains(d.status())).toList();
            if (!page.isEmpty()) {
                insert(page);
                logged += page.size();
            }
        }
        return logged;
    }

    private void insert(List<Delivered> page) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        Map<String, String> subjects = new HashMap<>();
        tx.executeWithoutResult(status -> jdbc.batchUpdate("""
                INSERT INTO verwerking (activiteit, betrokkene, verwerkt_op, actor, trace_id, run_id, outbox_id,
                                        case_id, signaal, ontvanger, kanaal, uitkomst, profiel, velden)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", page, page.size(), (ps, d) -> {
            String nummer = d.bsn() != null ? d.bsn().trim() : d.onderwijsnummer().trim();
            ps.setString(1, Verwerkingsactiviteiten.casusbericht(d.recipientType()));
            ps.setString(2, subjects.computeIfAbsent(nummer, pseudonyms::of));
            ps.setTimestamp(3, d.sentAt() != null ? d.sentAt() : now);
            ps.setString(4, HUB);
            ps.setString(5, "run-" + d.runId() + ":outbox-" + d.outboxId());
            ps.setLong(6, d.runId());
            ps.setLong(7, d.outboxId());
            ps.setString(8, d.caseId());
            ps.setString(9, d.signal());
            ps.setString(10, d.recipientType() + ":" + d.recipientCode());
            ps.setString(11, d.channel());
            ps.setString(12, d.status());
            ps.setString(13, d.recipientType());
            ps.setString(14, truncate(profiles.fieldsOf(d.recipientType()), 2000));
        }));
    }

    /** Logs one processing by a user (a view, an inzage, an export); answers its trace id. */
    public String record(String activiteit, String subjectKey, String actor, String rol) {
        if (register.find(activiteit).isEmpty()) {
            throw new IllegalArgumentException("processing activity " + activiteit + " is not in the register");
        }
        String traceId = "req-" + UUID.randomUUID();
        jdbc.update("INSERT INTO verwerking (activiteit, betrokkene, verwerkt_op, actor, rol, trace_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", activiteit, subjectKey, Timestamp.valueOf(LocalDateTime.now()),
                actor, rol, traceId);
        return traceId;
    }

    /** Logs, in the caller's transaction, that these children were purged (only their keys stay). */
    void recordPurged(Collection<String> subjectKeys) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        String traceId = "purge-" + UUID.randomUUID();
        jdbc.batchUpdate("INSERT INTO verwerking (activiteit, betrokkene, verwerkt_op, actor, trace_id) VALUES (?, ?, ?, ?, ?)",
                new ArrayList<>(subjectKeys), 500, (ps, key) -> {
                    ps.setString(1, Verwerkingsactiviteiten.BEWAARTERMIJN);
                    ps.setString(2, key);
                    ps.setTimestamp(3, now);
                    ps.setString(4, HUB);
                    ps.setString(5, traceId);
                });
    }

    /** Every entry of these subject keys, oldest first, with the name and purpose of its activity. */
    public List<Verwerking> of(Collection<String> subjectKeys) {
        if (subjectKeys.isEmpty()) {
            return List.of();
        }
        Map<String, Verwerkingsactiviteiten.Activiteit> cache = new HashMap<>();
        return named.query("SELECT * FROM verwerking WHERE betrokkene IN (:keys) ORDER BY verwerkt_op, id",
                new MapSqlParameterSource("keys", subjectKeys), (rs, n) -> {
                    String activiteit = rs.getString("activiteit");
                    var a = cache.computeIfAbsent(activiteit, id -> register.find(id).orElse(null));
                    return new Verwerking(rs.getLong("id"), activiteit, a == null ? null : a.naam(),
                            a == null ? null : a.doel(), rs.getTimestamp("verwerkt_op").toLocalDateTime(),
                            rs.getString("actor"), rs.getString("rol"), rs.getString("trace_id"),
                            (Long) rs.getObject("run_id", Long.class), (Long) rs.getObject("outbox_id", Long.class),
                            rs.getString("case_id"), rs.getString("signaal"), rs.getString("ontvanger"),
                            rs.getString("kanaal"), rs.getString("uitkomst"), rs.getString("profiel"),
                            rs.getString("velden"));
                });
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

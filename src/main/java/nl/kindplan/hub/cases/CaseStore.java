package nl.kindplan.hub.cases;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import nl.kindplan.hub.signal.Grond;
import nl.kindplan.hub.signal.Severity;
import nl.kindplan.hub.signal.SignalCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Cases, their events and the facts behind each event, as stored. */
@Component
public class CaseStore {

    /** A stored event with what the read API shows of it. */
    public record StoredEvent(long id, String caseId, SignalCode signal, EventType event, Severity severity,
                              LocalDate since, LocalDate asOf, long runId, List<Grond> gronden) {
    }

    /** A case as the read API shows it, with its events. */
    public record StoredCase(String caseId, SignalCode signal, Severity severity, LocalDate since, boolean open,
                             LocalDate openedAsOf, LocalDate closedAsOf, List<StoredEvent> events) {
    }

    private final JdbcTemplate jdbc;

    public CaseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many cases are open now, per signal (recorded with each night, for the chart over time). */
    public java.util.Map<SignalCode, Long> openPerSignal() {
        java.util.Map<SignalCode, Long> open = new java.util.EnumMap<>(SignalCode.class);
        jdbc.query("SELECT signal, COUNT(*) FROM signal_case WHERE open = TRUE GROUP BY signal", rs -> {
            open.put(SignalCode.valueOf(rs.getString(1)), rs.getLong(2));
        });
        return open;
    }

    /** A change to one child's case, with its case id (new for an OPENED case). */
    public record Planned(long kindId, CaseChange change) {
    }

    /**
     * Applies the changes of many children and stores their events and the facts behind them, a few
     * JDBC batches in the caller's transaction; returns the events with their ids, in order.
     */
    public List<StoredEvent> applyAll(List<Planned> planned, LocalDate asOf, long runId) {
        if (planned.isEmpty()) {
            return List.of();
        }
        Date dag = Date.valueOf(asOf);
        List<Object[]> opened = new java.util.ArrayList<>();
        List<Object[]> updated = new java.util.ArrayList<>();
        List<Object[]> resolved = new java.util.ArrayList<>();
        for (Planned p : planned) {
            CaseChange c = p.change();
            switch (c.event()) {
                case OPENED -> opened.add(new Object[]{c.caseId(), p.kindId(), c.signal().name(), c.severity().name(),
                        Date.valueOf(c.since()), dag});
                case UPDATED -> updated.add(new Object[]{c.severity().name(), Date.valueOf(c.since()), c.caseId()});
                case RESOLVED -> resolved.add(new Object[]{dag, c.caseId()});
            }
        }
        jdbc.batchUpdate("INSERT INTO signal_case (case_id, kind_id, signal, severity, since, open, opened_as_of) "
                + "VALUES (?, ?, ?, ?, ?, TRUE, ?)", opened);
        jdbc.batchUpdate("UPDATE signal_case SET severity = ?, since = ? WHERE case_id = ?", updated);
        jdbc.batchUpdate("UPDATE signal_case SET open = FALSE, closed_as_of = ? WHERE case_id = ?", resolved);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.batchUpdate(con -> con.prepareStatement("INSERT INTO case_event (case_id, event, severity, since, as_of, "
                + "run_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[]{"id"}),
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(java.sql.PreparedStatement ps, int i) throws java.sql.SQLException {
                        CaseChange c = planned.get(i).change();
                        ps.setString(1, c.caseId());
                        ps.setString(2, c.event().name());
                        ps.setString(3, c.severity().name());
                        ps.setDate(4, Date.valueOf(c.since()));
                        ps.setDate(5, dag);
                        ps.setLong(6, runId);
                        ps.setTimestamp(7, now);
                    }

                    @Override
                    public int getBatchSize() {
                        return planned.size();
                    }
                }, keys);
        List<java.util.Map<String, Object>> ids = keys.getKeyList();
        if (ids.size() != planned.size()) {
            throw new IllegalStateException("the database returned " + ids.size() + " keys for " + planned.size()
                    + " case events");
        }
        List<StoredEvent> events = new java.util.ArrayList<>(planned.size());
        List<Object[]> gronden = new java.util.ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            CaseChange c = planned.get(i).change();
            long eventId = ((Number) ids.get(i).values().iterator().next()).longValue();
            events.add(new StoredEvent(eventId, c.caseId(), c.signal(), c.event(), c.severity(), c.since(), asOf, runId,
                    c.gronden()));
            for (Grond g : c.gronden()) {
                gronden.add(new Object[]{eventId, g.soort().name(), g.id(),
                        g.herkomst() == null ? null : g.herkomst().bestand(),
                        g.herkomst() == null ? null : g.herkomst().regel()});
            }
        }
        jdbc.batchUpdate("INSERT INTO case_grond (case_event_id, soort, bron_id, file_name, line_no) VALUES (?, ?, ?, ?, ?)",
                gronden, 1000, (ps, g) -> {
                    ps.setLong(1, (Long) g[0]);
                    ps.setString(2, (String) g[1]);
                    ps.setString(3, (String) g[2]);
                    ps.setString(4, (String) g[3]);
                    if (g[4] == null) {
                        ps.setNull(5, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(5, (Long) g[4]);
                    }
                });
        return events;
    }

    /** Reads an open case from the columns case_id, signal, severity, since. */
    public static OpenCase openCase(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OpenCase(rs.getString("case_id"), SignalCode.valueOf(rs.getString("signal")),
                Severity.valueOf(rs.getString("severity")), rs.getDate("since").toLocalDate());
    }

    /** Every case of the child, newest first, with its events and their facts. */
    public List<StoredCase> cases(long kindId) {
        return jdbc.query("SELECT * FROM signal_case WHERE kind_id = ? ORDER BY opened_as_of DESC, id DESC",
                (rs, n) -> new StoredCase(rs.getString("case_id"), SignalCode.valueOf(rs.getString("signal")),
                        Severity.valueOf(rs.getString("severity")), rs.getDate("since").toLocalDate(),
                        rs.getBoolean("open"), rs.getDate("opened_as_of").toLocalDate(),
                        rs.getDate("closed_as_of") == null ? null : rs.getDate("closed_as_of").toLocalDate(),
                        List.of()), kindId)
                .stream().map(c -> new StoredCase(c.caseId(), c.signal(), c.severity(), c.since(), c.open(),
                        c.openedAsOf(), c.closedAsOf(), events(c.caseId(), c.signal()))).toList();
    }

    /**
     * Per case of a child, the samenwerkingsverband its messages went to: the SWV recipient of its
     * latest event queued for one (as {@link OpenCases} counts it). Cases never sent to an SWV are left out.
     */
    public java.util.Map<String, String> swvPerCase(long kindId) {
        java.util.Map<String, String> swv = new java.util.HashMap<>();
        jdbc.query("""
                SELECT c.case_id, o.recipient_code
                  FROM signal_case c
                  JOIN outbox o ON o.id = (SELECT MAX(o2.id) FROM outbox o2
                                             JOIN case_event e2 ON e2.id = o2.case_event_id
                                            WHERE e2.case_id = c.case_id AND o2.recipient_type = 'SWV')
                 WHERE c.kind_id = ?""", rs -> {
            swv.put(rs.getString(1), rs.getString(2).trim());
        }, kindId);
        return swv;
    }

    private List<StoredEvent> events(String caseId, SignalCode signal) {
        return jdbc.query("SELECT * FROM case_event WHERE case_id = ? ORDER BY id", (rs, n) -> new StoredEvent(
                rs.getLong("id"), caseId, signal, EventType.valueOf(rs.getString("event")),
                Severity.valueOf(rs.getString("severity")), rs.getDate("since").toLocalDate(),
                rs.getDate("as_of").toLocalDate(), rs.getLong("run_id"), List.of()), caseId)
                .stream().map(e -> new StoredEvent(e.id(), e.caseId(), signal, e.event(), e.severity(), e.since(),
                        e.asOf(), e.runId(), gronden(e.id()))).toList();
    }

    private List<Grond> gronden(long eventId) {
        return jdbc.query("SELECT soort, bron_id, file_name, line_no FROM case_grond WHERE case_event_id = ? ORDER BY id",
                (rs, n) -> new Grond(Grond.Soort.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3) == null ? null : new nl.kindplan.hub.domain.Herkomst(rs.getString(3), rs.getLong(4))),
                eventId);
    }
}

package nl.kindplan.hub.cases;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import nl.kindplan.hub.signal.Grond;
import nl.kindplan.hub.signal.Severity;
import nl.kindplan.hub.signal.SignalCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
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
    private final SimpleJdbcInsert eventInsert;

    public CaseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.eventInsert = new SimpleJdbcInsert(jdbc).withTableName("case_event").usingGeneratedKeyColumns("id")
                .usingColumns("case_id", "event", "severity", "since", "as_of", "run_id", "created_at");
    }

    public List<OpenCase> openCases(long kindId) {
        return jdbc.query("SELECT case_id, signal, severity, since FROM signal_case WHERE kind_id = ? AND open = TRUE",
                (rs, n) -> new OpenCase(rs.getString(1), SignalCode.valueOf(rs.getString(2)),
                        Severity.valueOf(rs.getString(3)), rs.getDate(4).toLocalDate()), kindId);
    }

    /** Applies one change to the case and stores its event; returns the event with the case's id. */
    public StoredEvent apply(long kindId, CaseChange change, LocalDate asOf, long runId) {
        String caseId = change.caseId();
        switch (change.event()) {
            case OPENED -> {
                caseId = UUID.randomUUID().toString();
                jdbc.update("INSERT INTO signal_case (case_id, kind_id, signal, severity, since, open, opened_as_of) "
                                + "VALUES (?, ?, ?, ?, ?, TRUE, ?)", caseId, kindId, change.signal().name(),
                        change.severity().name(), Date.valueOf(change.since()), Date.valueOf(asOf));
            }
            case UPDATED -> jdbc.update("UPDATE signal_case SET severity = ?, since = ? WHERE case_id = ?",
                    change.severity().name(), Date.valueOf(change.since()), caseId);
            case RESOLVED -> jdbc.update("UPDATE signal_case SET open = FALSE, closed_as_of = ? WHERE case_id = ?",
                    Date.valueOf(asOf), caseId);
        }
        long eventId = eventInsert.executeAndReturnKey(new MapSqlParameterSource()
                .addValue("case_id", caseId)
                .addValue("event", change.event().name())
                .addValue("severity", change.severity().name())
                .addValue("since", Date.valueOf(change.since()))
                .addValue("as_of", Date.valueOf(asOf))
                .addValue("run_id", runId)
                .addValue("created_at", Timestamp.valueOf(LocalDateTime.now()))).longValue();
        jdbc.batchUpdate("INSERT INTO case_grond (case_event_id, soort, bron_id, file_name, line_no) VALUES (?, ?, ?, ?, ?)",
                change.gronden(), 100, (ps, g) -> {
                    ps.setLong(1, eventId);
                    ps.setString(2, g.soort().name());
                    ps.setString(3, g.id());
                    ps.setString(4, g.herkomst() == null ? null : g.herkomst().bestand());
                    if (g.herkomst() == null) {
                        ps.setNull(5, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(5, g.herkomst().regel());
                    }
                });
        return new StoredEvent(eventId, caseId, change.signal(), change.event(), change.severity(), change.since(),
                asOf, runId, change.gronden());
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

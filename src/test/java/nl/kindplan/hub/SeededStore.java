package nl.kindplan.hub;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

/**
 * Writes children, facts, cases, events and messages straight into the store, for tests whose point is
 * what was held when (retention, monthly figures) rather than how it came in. Each caller uses children,
 * codes and files of its own: the store is shared by every test of the hub.
 */
public final class SeededStore {

    private final JdbcTemplate jdbc;

    public SeededStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A run for case events to refer to: the oldest there is, or a new one. */
    public long run() {
        Long oldest = jdbc.queryForObject("SELECT MIN(id) FROM nightly_run", Long.class);
        if (oldest != null) {
            return oldest;
        }
        return insert("nightly_run", "id", new Object[][] {{"as_of", Date.valueOf(LocalDate.of(2025, 1, 6))},
                {"run_trigger", "API"}, {"status", "SUCCEEDED"}, {"started_at", Timestamp.valueOf(LocalDateTime.now())},
                {"finished_at", Timestamp.valueOf(LocalDateTime.now())}, {"kinderen", 0}});
    }

    public long kind(String bsn, LocalDateTime updatedAt) {
        return insert("kind", "id", new Object[][] {{"bsn", bsn}, {"geboortedatum", Date.valueOf(LocalDate.of(2013, 4, 5))},
                {"achternaam", "Bewaar"}, {"created_at", Timestamp.valueOf(updatedAt)},
                {"updated_at", Timestamp.valueOf(updatedAt)}});
    }

    public long sourceFile(String name) {
        return sourceFile(name, LocalDateTime.now());
    }

    public long sourceFile(String name, LocalDateTime receivedAt) {
        return insert("source_file", "id", new Object[][] {{"source", "VERZUIM"}, {"file_name", name},
                {"sha256", UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "")},
                {"status", "TAKEN_IN"}, {"received_at", Timestamp.valueOf(receivedAt)}});
    }

    public void registratie(long kindId, long fileId) {
        insert("registratie", "id", new Object[][] {{"kind_id", kindId}, {"bron", "DUO"},
                {"regel_id", "SEED-" + UUID.randomUUID()}, {"soort", "INSCHRIJVING"}, {"gemeentecode", "0801"},
                {"brin", "10AE"}, {"vestiging", "00"}, {"onderwijssoort", "BAO"},
                {"begindatum", Date.valueOf(LocalDate.of(2020, 8, 20))}, {"verwijderd", false},
                {"source_file_id", fileId}, {"line_no", 2}});
    }

    public void verzuimmelding(long kindId, long fileId) {
        insert("verzuimmelding", "id", new Object[][] {{"kind_id", kindId}, {"meldingsnummer", "SEED-" + UUID.randomUUID()},
                {"laatste_mutatie", Timestamp.valueOf(LocalDateTime.of(2024, 1, 8, 10, 0))}, {"status", "G"},
                {"verzuimsoort", "V3"}, {"brin", "10AE"}, {"vestiging", "00"}, {"gemeentecode", "0801"},
                {"begindatum", Date.valueOf(LocalDate.of(2024, 1, 8))}, {"source_file_id", fileId}, {"line_no", 3}});
    }

    /** A case; closed when {@code closedAsOf} is given (the first reference date it no longer held). */
    public String kase(long kindId, String signal, LocalDate since, LocalDate openedAsOf, LocalDate closedAsOf) {
        String caseId = UUID.randomUUID().toString();
        insert("signal_case", "id", new Object[][] {{"case_id", caseId}, {"kind_id", kindId}, {"signal", signal},
                {"severity", "SIGNAAL"}, {"since", Date.valueOf(since)}, {"open", closedAsOf == null},
                {"opened_as_of", Date.valueOf(openedAsOf)},
                {"closed_as_of", closedAsOf == null ? null : Date.valueOf(closedAsOf)}});
        return caseId;
    }

    public long event(String caseId, String event, LocalDate since, LocalDate asOf, LocalDateTime createdAt) {
        long eventId = insert("case_event", "id", new Object[][] {{"case_id", caseId}, {"event", event},
                {"severity", "SIGNAAL"}, {"since", Date.valueOf(since)}, {"as_of", Date.valueOf(asOf)}, {"run_id", run()},
                {"created_at", Timestamp.valueOf(createdAt)}});
        jdbc.update("INSERT INTO case_grond (case_event_id, soort, bron_id, file_name, line_no) VALUES (?, 'MELDING', ?, ?, 3)",
                eventId, "SEED", "seed.csv");
        return eventId;
    }

    /** A message of the event to a recipient, as delivery leaves it when it was sent. */
    public long outbox(long eventId, String recipientType, String recipientCode) {
        return insert("outbox", "id", new Object[][] {{"case_event_id", eventId}, {"recipient_type", recipientType},
                {"recipient_code", recipientCode}, {"channel", "JMS"},
                {"destination", "kindplan.seed." + recipientCode}, {"payload", "{}"}, {"status", "SENT"},
                {"attempts", 1}, {"created_at", Timestamp.valueOf(LocalDateTime.now())},
                {"sent_at", Timestamp.valueOf(LocalDateTime.now())}});
    }

    public long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private long insert(String table, String key, Object[][] values) {
        SimpleJdbcInsert insert = new SimpleJdbcInsert(jdbc).withTableName(table).usingGeneratedKeyColumns(key);
        java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (Object[] v : values) {
            row.put((String) v[0], v[1]);
        }
        insert.usingColumns(row.keySet().toArray(String[]::new));
        return insert.executeAndReturnKey(row).longValue();
    }
}

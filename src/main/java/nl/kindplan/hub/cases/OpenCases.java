package nl.kindplan.hub.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.kindplan.hub.mapping.Mappings;
import nl.kindplan.hub.signal.SignalCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Open cases per signal and per samenwerkingsverband, and the thuiszitters past three months.
 *
 * <p>A case's samenwerkingsverband is the one its case messages went to: the SWV recipient that
 * CaseKeeper derived from the child's school registration when it queued the case's latest event
 * with an SWV recipient (the outbox keeps it). The dashboard does not derive it a second way.
 * A case whose child has no school in the SWV table is counted under no SWV.
 *
 * <p>The thuiszitters past three months are the open THUISZITTER cases of severity ESCALATIE:
 * on the reference date of the run that last judged them, the oldest open LRV melding began at
 * least {@code kindplan.signals.escalation-days} (91) days before (signals.md, Thuiszitterspact).
 */
@Component
public class OpenCases {

    public record PerSignal(String signaal, long open, Map<String, Long> perErnst) {
    }

    /** Open cases of one samenwerkingsverband; code and naam are null for cases without one. */
    public record PerSwv(String code, String naam, long open, Map<String, Long> perSignaal) {
    }

    public record Overview(long open, List<PerSignal> perSignaal, List<PerSwv> perSwv,
                           long thuiszittersLangerDanDrieMaanden, LocalDate peildatum) {
    }

    private final JdbcTemplate jdbc;
    private final Mappings mappings;

    public OpenCases(JdbcTemplate jdbc, Mappings mappings) {
        this.jdbc = jdbc;
        this.mappings = mappings;
    }

    public Overview overview() {
        Map<String, Map<String, Long>> bySignal = new LinkedHashMap<>();
        for (SignalCode s : SignalCode.values()) {
            bySignal.put(s.name(), new TreeMap<>());
        }
        jdbc.query("SELECT signal, severity, COUNT(*) FROM signal_case WHERE open = TRUE GROUP BY signal, severity",
                rs -> {
                    bySignal.computeIfAbsent(rs.getString(1), s -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        List<PerSignal> perSignal = bySignal.entrySet().stream().map(e -> new PerSignal(e.getKey(),
                e.getValue().values().stream().mapToLong(Long::longValue).sum(), e.getValue())).toList();

        Map<String, Map<String, Long>> bySwv = new TreeMap<>();
        Map<String, Long> withoutSwv = new TreeMap<>();
        jdbc.query("""
                SELECT c.signal, o.recipient_code, COUNT(*)
                  FROM signal_case c
                  LEFT JOIN outbox o ON o.id = (SELECT MAX(o2.id) FROM outbox o2
                                                  JOIN case_event e2 ON e2.id = o2.case_event_id
                                                 WHERE e2.case_id = c.case_id AND o2.recipient_type = 'SWV')
                 WHERE c.open = TRUE
                 GROUP BY c.signal, o.recipient_code""", rs -> {
            String code = rs.getString(2);
            Map<String, Long> target = code == null ? withoutSwv : bySwv.computeIfAbsent(code, k -> new TreeMap<>());
            target.merge(rs.getString(1), rs.getLong(3), Long::sum);
        });
        List<PerSwv> perSwv = new ArrayList<>();
        bySwv.forEach((code, counts) -> perSwv.add(new PerSwv(code,
                mappings.samenwerkingsverband(code).map(Mappings.Samenwerkingsverband::naam).orElse(null),
                counts.values().stream().mapToLong(Long::longValue).sum(), counts)));
        if (!withoutSwv.isEmpty()) {
            perSwv.add(new PerSwv(null, null, withoutSwv.values().stream().mapToLong(Long::longValue).sum(),
                    withoutSwv));
        }

        long thuiszitters = jdbc.queryForObject("SELECT COUNT(*) FROM signal_case WHERE open = TRUE "
                + "AND signal = 'THUISZITTER' AND severity = 'ESCALATIE'", Long.class);
        LocalDate peildatum = jdbc.query("SELECT as_of FROM nightly_run WHERE status = 'SUCCEEDED' ORDER BY id DESC "
                + "LIMIT 1", rs -> rs.next() ? rs.getDate(1).toLocalDate() : null);
        return new Overview(perSignal.stream().mapToLong(PerSignal::open).sum(), perSignal, perSwv, thuiszitters,
                peildatum);
    }
}

package nl.kindplan.hub.cijfers;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.kindplan.hub.mapping.Mappings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The monthly figures SWVs and gemeenten report to their inspectorate and council, per month and per
 * gemeente or samenwerkingsverband, from the cases the hub keeps. Only counts leave this class, and
 * only after {@link KleineAantallen}: 1 to 4 as "&lt;5".
 *
 * <p>Per month M, on its last day D (the peildatum): a case is open on D when it was opened on or before
 * D and not closed on or before D (its closed_as_of is the first reference date it no longer held).
 * <ul>
 * <li>thuiszitters, absoluut verzuimers, children with care and verzuim at once (MATCH), care not granted,
 * care stopped during verzuim: children with an open case of that signal on D;</li>
 * <li>thuiszitters longer than three months: of those, whose signal holds since at least
 * {@code kindplan.signals.escalation-days} (91) days on D (the ESCALATIE rule of signals.md);</li>
 * <li>geopend, opgelost: cases (all signals) opened, resolved in M; nog open: cases open on D;</li>
 * <li>median duration: days from since to closed of the cases resolved in M, only over 5 or more.</li>
 * </ul>
 * A case belongs to the gemeente (SWV) its latest message to a gemeente (SWV) went to, as the outbox
 * recorded it (the dashboard counts open cases per SWV the same way); cases without one count under
 * code "" (onbekend). Purged cases (README, Privacy: retention) no longer count.
 */
@Component
public class Maandcijfers {

    /** The columns, in order, as CSV header and JSON keys. */
    public static final List<String> KOLOMMEN = List.of("thuiszitters", "thuiszitters_langer_dan_3_maanden",
            "absoluut_verzuimers", "zorg_en_verzuim", "zorg_niet_toegewezen", "zorg_gestopt_bij_verzuim",
            "geopend", "opgelost", "nog_open", "mediane_duur_dagen");
    static final int MAX_MONTHS = 120;

    /** One month of one gemeente or SWV; each value a Long, "&lt;5", or null (no median). */
    public record Rij(YearMonth maand, String code, String naam, Map<String, Object> cijfers) {
    }

    private record Casus(long kindId, String signal, LocalDate since, LocalDate opened, LocalDate closed, String code) {

        boolean openOn(LocalDate d) {
            return !opened.isAfter(d) && (closed == null || closed.isAfter(d));
        }
    }

    private final JdbcTemplate jdbc;
    private final Mappings mappings;
    private final int escalationDays;

    public Maandcijfers(JdbcTemplate jdbc, Mappings mappings,
                        @Value("${kindplan.signals.escalation-days:91}") int escalationDays) {
        this.jdbc = jdbc;
        this.mappings = mappings;
        this.escalationDays = escalationDays;
    }

    public List<Rij> figures(YearMonth van, YearMonth tot, Niveau niveau) {
        if (tot.isBefore(van)) {
            throw new IllegalArgumentException("tot (" + tot + ") ligt vóór van (" + van + ")");
        }
        if (ChronoUnit.MONTHS.between(van, tot) >= MAX_MONTHS) {
            throw new IllegalArgumentException("hoogstens " + MAX_MONTHS + " maanden tegelijk");
        }
        Map<String, List<Casus>> byCode = new java.util.TreeMap<>();
        for (Casus c : cases(van.atDay(1), tot.atEndOfMonth(), niveau)) {
            byCode.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(c);
        }
        List<Rij> rows = new ArrayList<>();
        for (YearMonth m = van; !m.isAfter(tot); m = m.plusMonths(1)) {
            for (Map.Entry<String, List<Casus>> group : byCode.entrySet()) {
                rows.add(new Rij(m, group.getKey(), naam(niveau, group.getKey()), month(group.getValue(), m)));
            }
        }
        return rows;
    }

    private Map<String, Object> month(List<Casus> cases, YearMonth m) {
        LocalDate d = m.atEndOfMonth();
        LocalDate first = m.atDay(1);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("thuiszitters", KleineAantallen.toon(children(cases, "THUISZITTER", d, false)));
        figures.put("thuiszitters_langer_dan_3_maanden", KleineAantallen.toon(children(cases, "THUISZITTER", d, true)));
        figures.put("absoluut_verzuimers", KleineAantallen.toon(children(cases, "ABSOLUUT_VERZUIM", d, false)));
        figures.put("zorg_en_verzuim", KleineAantallen.toon(children(cases, "MATCH", d, false)));
        figures.put("zorg_niet_toegewezen", KleineAantallen.toon(children(cases, "ZORG_NIET_TOEGEWEZEN", d, false)));
        figures.put("zorg_gestopt_bij_verzuim", KleineAantallen.toon(children(cases, "ZORG_GESTOPT_BIJ_VERZUIM", d, false)));
        figures.put("geopend", KleineAantallen.toon(cases.stream().filter(c -> within(c.opened(), first, d)).count()));
        List<Casus> resolved = cases.stream().filter(c -> c.closed() != null && within(c.closed(), first, d)).toList();
        figures.put("opgelost", KleineAantallen.toon(resolved.size()));
        figures.put("nog_open", KleineAantallen.toon(cases.stream().filter(c -> c.openOn(d)).count()));
        figures.put("mediane_duur_dagen", median(resolved.stream()
                .mapToLong(c -> ChronoUnit.DAYS.between(c.since(), c.closed())).sorted().toArray()));
        return figures;
    }

    private long children(List<Casus> cases, String signal, LocalDate d, boolean longerThanThreeMonths) {
        Set<Long> children = new HashSet<>();
        for (Casus c : cases) {
            if (c.signal().equals(signal) && c.openOn(d)
                    && (!longerThanThreeMonths || ChronoUnit.DAYS.between(c.since(), d) >= escalationDays)) {
                children.add(c.kindId());
            }
        }
        return children.size();
    }

    private static Long median(long[] sorted) {
        if (sorted.length < KleineAantallen.DREMPEL) {
            return null;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2.0);
    }

    private static boolean within(LocalDate date, LocalDate first, LocalDate last) {
        return !date.isBefore(first) && !date.isAfter(last);
    }

    private String naam(Niveau niveau, String code) {
        if (niveau != Niveau.SWV || code.isEmpty()) {
            return "";
        }
        return mappings.samenwerkingsverband(code).map(Mappings.Samenwerkingsverband::naam).orElse("");
    }

    /** The cases that touch [from, to], each with the code of the group it counts in. */
    private List<Casus> cases(LocalDate from, LocalDate to, Niveau niveau) {
        return jdbc.query("""
                SELECT c.kind_id, c.signal, c.since, c.opened_as_of, c.closed_as_of,
                       (SELECT o.recipient_code FROM outbox o
                         WHERE o.id = (SELECT MAX(o2.id) FROM outbox o2 JOIN case_event e2 ON e2.id = o2.case_event_id
                                        WHERE e2.case_id = c.case_id AND o2.recipient_type = ?))
                  FROM signal_case c
                 WHERE c.opened_as_of <= ? AND (c.closed_as_of IS NULL OR c.closed_as_of >= ?)""",
                (rs, n) -> new Casus(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getDate(4).toLocalDate(), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(),
                        rs.getString(6) == null ? "" : rs.getString(6).trim()),
                niveau.recipientType(), Date.valueOf(to), Date.valueOf(from));
    }
}

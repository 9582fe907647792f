package nl.kindplan.hub.cases;

import java.time.LocalDate;
import java.util.List;

import nl.kindplan.hub.signal.Grond;
import nl.kindplan.hub.signal.Severity;
import nl.kindplan.hub.signal.SignalCode;

/**
 * One event a night brings to a case. {@code caseId} is null for an OPENED case, which gets its
 * id when stored; {@code gronden} are the facts the signal rests on (none for RESOLVED).
 */
public record CaseChange(EventType event, String caseId, SignalCode signal, Severity severity, LocalDate since,
                         List<Grond> gronden) {
}

package nl.kindplan.hub.cases;

import java.time.LocalDate;

import nl.kindplan.hub.signal.Severity;
import nl.kindplan.hub.signal.SignalCode;

/** A case that is open: its stable id, signal, and the severity and since of its last event. */
public record OpenCase(String caseId, SignalCode signal, Severity severity, LocalDate since) {
}

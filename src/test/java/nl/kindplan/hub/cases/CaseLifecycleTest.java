package nl.kindplan.hub.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import nl.kindplan.hub.signal.Severity;
import nl.kindplan.hub.signal.SignalCode;
import nl.kindplan.hub.signal.SignalHit;
import org.junit.jupiter.api.Test;

/** signals.md, 'Cases and their lifecycle', line by line. */
class CaseLifecycleTest {

    private static final LocalDate SINCE = LocalDate.of(2026, 2, 20);

    @Test
    void aSignalThatNewlyHoldsOpensACase() {
        List<CaseChange> changes = CaseLifecycle.compare(List.of(), List.of(hit(SignalCode.THUISZITTER, Severity.SIGNAAL)));

        assertThat(changes).extracting(CaseChange::event, CaseChange::caseId, CaseChange::signal, CaseChange::severity)
                .containsExactly(tuple(EventType.OPENED, null, SignalCode.THUISZITTER, Severity.SIGNAAL));
    }

    @Test
    void stillHoldingWithTheSameSeveritySendsNothing() {
        List<CaseChange> changes = CaseLifecycle.compare(List.of(open("c1", SignalCode.MATCH, Severity.INFO)),
                List.of(hit(SignalCode.MATCH, Severity.INFO)));

        assertThat(changes).isEmpty();
    }

    @Test
    void stillHoldingWithAnotherSeverityEitherWayUpdatesTheCase() {
        assertThat(CaseLifecycle.compare(List.of(open("c1", SignalCode.THUISZITTER, Severity.SIGNAAL)),
                List.of(hit(SignalCode.THUISZITTER, Severity.ESCALATIE))))
                .extracting(CaseChange::event, CaseChange::caseId, CaseChange::severity)
                .containsExactly(tuple(EventType.UPDATED, "c1", Severity.ESCALATIE));
        assertThat(CaseLifecycle.compare(List.of(open("c2", SignalCode.THUISZITTER, Severity.ESCALATIE)),
                List.of(hit(SignalCode.THUISZITTER, Severity.SIGNAAL))))
                .extracting(CaseChange::event, CaseChange::caseId, CaseChange::severity)
                .containsExactly(tuple(EventType.UPDATED, "c2", Severity.SIGNAAL));
    }

    @Test
    void noLongerHoldingResolvesTheCaseWithItsLastSeverity() {
        List<CaseChange> changes = CaseLifecycle.compare(
                List.of(open("c1", SignalCode.ABSOLUUT_VERZUIM, Severity.ESCALATIE)), List.of());

        assertThat(changes).extracting(CaseChange::event, CaseChange::caseId, CaseChange::severity, CaseChange::since)
                .containsExactly(tuple(EventType.RESOLVED, "c1", Severity.ESCALATIE, SINCE));
    }

    @Test
    void eachSignalOfAChildIsItsOwnCase() {
        List<CaseChange> changes = CaseLifecycle.compare(
                List.of(open("c1", SignalCode.ZORG_NIET_TOEGEWEZEN, Severity.SIGNAAL)),
                List.of(hit(SignalCode.MATCH, Severity.INFO)));

        assertThat(changes).extracting(CaseChange::event, CaseChange::signal).containsExactlyInAnyOrder(
                tuple(EventType.OPENED, SignalCode.MATCH), tuple(EventType.RESOLVED, SignalCode.ZORG_NIET_TOEGEWEZEN));
    }

    private static SignalHit hit(SignalCode signal, Severity severity) {
        return new SignalHit(signal, severity, SINCE, List.of());
    }

    private static OpenCase open(String caseId, SignalCode signal, Severity severity) {
        return new OpenCase(caseId, signal, severity, SINCE);
    }
}

package nl.kindplan.hub.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.kindplan.hub.signal.SignalCode;
import nl.kindplan.hub.signal.SignalHit;

/**
 * Compares what holds tonight with a child's open cases (signals.md): a signal that newly holds
 * opens a case; one that holds with another severity updates it; one that no longer holds
 * resolves it with its last severity; one that holds as before brings no event at all.
 */
public final class CaseLifecycle {

    private CaseLifecycle() {
    }

    public static List<CaseChange> compare(List<OpenCase> open, List<SignalHit> hits) {
        // one open case per signal; a second one (two records of one child that were joined) is resolved
        Map<SignalCode, OpenCase> openBySignal = open.stream()
                .collect(Collectors.toMap(OpenCase::signal, Function.identity(), (first, second) -> first));
        Map<SignalCode, SignalHit> holds = hits.stream()
                .collect(Collectors.toMap(SignalHit::signal, Function.identity()));
        List<CaseChange> changes = new ArrayList<>();
        for (SignalHit hit : hits) {
            OpenCase existing = openBySignal.get(hit.signal());
            if (existing == null) {
                changes.add(new CaseChange(EventType.OPENED, null, hit.signal(), hit.severity(), hit.since(), hit.gronden()));
            } else if (existing.severity() != hit.severity()) {
                changes.add(new CaseChange(EventType.UPDATED, existing.caseId(), hit.signal(), hit.severity(), hit.since(),
                        hit.gronden()));
            }
        }
        for (OpenCase existing : open) {
            if (!holds.containsKey(existing.signal()) || openBySignal.get(existing.signal()) != existing) {
                changes.add(new CaseChange(EventType.RESOLVED, existing.caseId(), existing.signal(), existing.severity(),
                        existing.since(), List.of()));
            }
        }
        return changes;
    }
}

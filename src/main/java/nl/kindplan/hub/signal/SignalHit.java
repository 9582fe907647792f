package nl.kindplan.hub.signal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** One signal that holds for a child on the reference date, with the facts it rests on. */
public record SignalHit(SignalCode signal, Severity severity, LocalDate since, List<Grond> gronden) {

    public SignalHit {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(since, "since");
        gronden = List.copyOf(gronden);
    }
}

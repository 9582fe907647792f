package nl.kindplan.hub.signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.domain.Verzuimmelding;

/**
 * THUISZITTER: ingeschreven, and an open melding of soort LRV (at any age). Since the begindatum of
 * the oldest open LRV melding; ESCALATIE from 91 days on (Thuiszitterspact), else SIGNAAL.
 */
public final class ThuiszitterRule implements SignalRule {

    private final SignalSettings settings;

    public ThuiszitterRule(SignalSettings settings) {
        this.settings = settings;
    }

    @Override
    public SignalCode code() {
        return SignalCode.THUISZITTER;
    }

    @Override
    public Optional<SignalHit> evaluate(KindDossier dossier, LocalDate asOf) {
        return evaluate(new KindOpDatum(dossier, asOf, settings));
    }

    @Override
    public Optional<SignalHit> evaluate(KindOpDatum kind) {
        List<Verzuimmelding> lrv = kind.openMeldingen(settings.thuiszitterSoorten());
        if (lrv.isEmpty() || !kind.ingeschreven()) {
            return Optional.empty();
        }
        LocalDate since = lrv.stream().map(Verzuimmelding::begindatum).min(Comparator.naturalOrder()).orElseThrow();
        List<Grond> gronden = new ArrayList<>();
        kind.inschrijvingenOpDatum().forEach(r -> gronden.add(Grond.van(r)));
        lrv.forEach(m -> gronden.add(Grond.van(m)));
        Severity severity = Severity.naDuur(kind.dagenSinds(since), settings.escalationDays());
        return Optional.of(new SignalHit(code(), severity, since, gronden));
    }
}

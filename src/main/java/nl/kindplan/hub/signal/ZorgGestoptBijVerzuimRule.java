package nl.kindplan.hub.signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.domain.Verzuimmelding;

/**
 * ZORG_GESTOPT_BIJ_VERZUIM: a JW307 (not withdrawn) with RedenBeeindiging 32, 33 or 36 and Einddatum
 * in [D-90, D], no jeugdhulp actief, and an open melding. SIGNAAL; since the JW307's Einddatum
 * (of several: the latest, the moment care last stopped).
 */
public final class ZorgGestoptBijVerzuimRule implements SignalRule {

    private final SignalSettings settings;

    public ZorgGestoptBijVerzuimRule(SignalSettings settings) {
        this.settings = settings;
    }

    @Override
    public SignalCode code() {
        return SignalCode.ZORG_GESTOPT_BIJ_VERZUIM;
    }

    @Override
    public Optional<SignalHit> evaluate(KindDossier dossier, LocalDate asOf) {
        return evaluate(new KindOpDatum(dossier, asOf, settings));
    }

    @Override
    public Optional<SignalHit> evaluate(KindOpDatum kind) {
        LocalDate asOf = kind.asOf();
        List<Verzuimmelding> open = kind.openMeldingen();
        if (open.isEmpty() || kind.jeugdhulpActief()) {
            return Optional.empty();
        }
        LocalDate vensterBegin = asOf.minusDays(settings.zorgGestoptWindowDays());
        List<JeugdhulpRegel> stops = Toewijzingen.geldigeStops(kind.jeugdhulp()).stream()
                .filter(s -> SignalSettings.bevat(settings.zorgGestoptRedenen(), s.redenBeeindiging()))
                .filter(s -> s.einddatum() != null
                        && !s.einddatum().isBefore(vensterBegin) && !s.einddatum().isAfter(asOf))
                .toList();
        if (stops.isEmpty()) {
            return Optional.empty();
        }
        LocalDate since = stops.stream().map(JeugdhulpRegel::einddatum).max(Comparator.naturalOrder()).orElseThrow();
        List<Grond> gronden = new ArrayList<>();
        stops.forEach(s -> gronden.add(Grond.van(s)));
        open.forEach(m -> gronden.add(Grond.van(m)));
        return Optional.of(new SignalHit(code(), Severity.SIGNAAL, since, gronden));
    }
}

package nl.kindplan.hub.signal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.domain.Registratie;

/**
 * ABSOLUUT_VERZUIM: plichtig, not ingeschreven, not vrijgesteld, the last registration did not end
 * with an exempt reden (EMIGRATIE, DIPLOMA, OVERLIJDEN), and {@code D - since >= 7} days (grace for
 * a change of school). ESCALATIE from 91 days on, else SIGNAAL.
 */
public final class AbsoluutVerzuimRule implements SignalRule {

    private final SignalSettings settings;

    public AbsoluutVerzuimRule(SignalSettings settings) {
        this.settings = settings;
    }

    @Override
    public SignalCode code() {
        return SignalCode.ABSOLUUT_VERZUIM;
    }

    @Override
    public Optional<SignalHit> evaluate(KindDossier dossier, LocalDate asOf) {
        return evaluate(new KindOpDatum(dossier, asOf, settings));
    }

    @Override
    public Optional<SignalHit> evaluate(KindOpDatum kind) {
        if (!kind.plichtig() || kind.ingeschreven() || kind.vrijgesteld()) {
            return Optional.empty();
        }
        Optional<Registratie> laatste = kind.laatsteRegistratie();
        if (laatste.isPresent() && SignalSettings.bevat(settings.absoluutVerzuimExemptRedenen(), laatste.get().reden())) {
            return Optional.empty();
        }
        Optional<Aanleiding> aanleiding = laatste.map(r -> new Aanleiding(r.einddatum().plusDays(1), Grond.van(r)))
                .or(() -> eersteTeken(kind));
        return aanleiding
                .filter(a -> kind.dagenSinds(a.since()) >= settings.absoluutVerzuimGraceDays())
                .map(a -> new SignalHit(code(),
                        Severity.naDuur(kind.dagenSinds(a.since()), settings.escalationDays()),
                        a.since(), List.of(a.grond())));
    }

    /**
     * A child with no ended registration: the earliest begindatum of its meldingen (newest versions,
     * any status or soort) and Dagtekening of its iJw messages; never the day the hub first saw it,
     * so a replay gives the same answer. Nothing dated: no signal.
     */
    private static Optional<Aanleiding> eersteTeken(KindOpDatum kind) {
        Stream<Aanleiding> uitMeldingen = kind.meldingen().stream()
                .filter(m -> m.begindatum() != null)
                .map(m -> new Aanleiding(m.begindatum(), Grond.van(m)));
        Stream<Aanleiding> uitJeugdhulp = kind.jeugdhulp().stream()
                .filter(r -> r.dagtekening() != null)
                .map(r -> new Aanleiding(r.dagtekening(), Grond.van(r)));
        return Stream.concat(uitMeldingen, uitJeugdhulp).min(Comparator.comparing(Aanleiding::since));
    }

    /** The date the signal runs from and the fact that gives it. */
    private record Aanleiding(LocalDate since, Grond grond) {
    }
}

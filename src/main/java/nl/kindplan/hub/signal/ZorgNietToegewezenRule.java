package nl.kindplan.hub.signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.JeugdhulpRegel.Berichttype;
import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.domain.Verzuimmelding;

/**
 * ZORG_NIET_TOEGEWEZEN: a JW315 product request that no stored JW301 answers (same child, same
 * ReferentieAanbieder), more than 5 working days after its Dagtekening, and an open melding.
 * SIGNAAL; since the 6th working day after the Dagtekening (of the oldest such request).
 */
public final class ZorgNietToegewezenRule implements SignalRule {

    private final SignalSettings settings;

    public ZorgNietToegewezenRule(SignalSettings settings) {
        this.settings = settings;
    }

    @Override
    public SignalCode code() {
        return SignalCode.ZORG_NIET_TOEGEWEZEN;
    }

    @Override
    public Optional<SignalHit> evaluate(KindDossier dossier, LocalDate asOf) {
        return evaluate(new KindOpDatum(dossier, asOf, settings));
    }

    @Override
    public Optional<SignalHit> evaluate(KindOpDatum kind) {
        LocalDate asOf = kind.asOf();
        List<Verzuimmelding> open = kind.openMeldingen();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        // the dossier is one child's, so "same client" holds for every stored JW301
        Set<String> beantwoord = kind.jeugdhulp().stream()
                .filter(r -> r.berichttype() == Berichttype.JW301)
                .map(JeugdhulpRegel::referentieAanbieder)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<JeugdhulpRegel> onbeantwoord = kind.jeugdhulp().stream()
                .filter(r -> r.berichttype() == Berichttype.JW315 && r.dagtekening() != null)
                .filter(r -> r.referentieAanbieder() == null || !beantwoord.contains(r.referentieAanbieder()))
                .filter(r -> !termijnVerstreken(r).isAfter(asOf))
                .toList();
        if (onbeantwoord.isEmpty()) {
            return Optional.empty();
        }
        LocalDate since = onbeantwoord.stream().map(this::termijnVerstreken).min(Comparator.naturalOrder()).orElseThrow();
        List<Grond> gronden = new ArrayList<>();
        onbeantwoord.forEach(r -> gronden.add(Grond.van(r)));
        open.forEach(m -> gronden.add(Grond.van(m)));
        return Optional.of(new SignalHit(code(), Severity.SIGNAAL, since, gronden));
    }

    /** The first day that is more than the configured number of working days after the Dagtekening. */
    private LocalDate termijnVerstreken(JeugdhulpRegel jw315) {
        return Werkdagen.werkdagNa(jw315.dagtekening(), settings.zorgNietToegewezenWorkingDays() + 1);
    }
}

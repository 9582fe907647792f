package nl.kindplan.hub.signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.domain.Verzuimmelding;

/**
 * MATCH: jeugdhulp actief and an open melding of soort V3, V4 or LRV: school and care both work
 * with this child and should make one plan. INFO; since the later of the oldest such melding's
 * begindatum and the oldest active toewijzing's Ingangsdatum.
 */
public final class MatchRule implements SignalRule {

    private final SignalSettings settings;

    public MatchRule(SignalSettings settings) {
        this.settings = settings;
    }

    @Override
    public SignalCode code() {
        return SignalCode.MATCH;
    }

    @Override
    public Optional<SignalHit> evaluate(KindDossier dossier, LocalDate asOf) {
        return evaluate(new KindOpDatum(dossier, asOf, settings));
    }

    @Override
    public Optional<SignalHit> evaluate(KindOpDatum kind) {
        List<Verzuimmelding> meldingen = kind.openMeldingen(settings.matchSoorten());
        List<Toewijzing> actief = kind.actieveToewijzingen();
        if (meldingen.isEmpty() || actief.isEmpty()) {
            return Optional.empty();
        }
        LocalDate oudsteMelding = meldingen.stream().map(Verzuimmelding::begindatum)
                .min(Comparator.naturalOrder()).orElseThrow();
        LocalDate oudsteToewijzing = actief.stream().map(t -> t.jw301().ingangsdatum())
                .min(Comparator.naturalOrder()).orElseThrow();
        LocalDate since = oudsteMelding.isAfter(oudsteToewijzing) ? oudsteMelding : oudsteToewijzing;
        List<Grond> gronden = new ArrayList<>();
        meldingen.forEach(m -> gronden.add(Grond.van(m)));
        actief.forEach(t -> gronden.add(Grond.van(t.jw301())));
        return Optional.of(new SignalHit(code(), Severity.INFO, since, gronden));
    }
}

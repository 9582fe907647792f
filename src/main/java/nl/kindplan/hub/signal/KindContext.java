package nl.kindplan.hub.signal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.domain.Verzuimmelding;

/** Where a child belongs, for routing its cases: its gemeente and its school registration. */
public final class KindContext {

    private KindContext() {
    }

    /**
     * The child's gemeente (signals.md): the gemeentecode of the registration with the latest
     * begindatum; with none, of the melding version with the latest laatste_mutatie; with neither,
     * the gemeente of its newest iJw message. Deleted registrations and registrations without a
     * gemeentecode (EDEXML carries none) are passed over; vrijstellingen count, DUO sends them with
     * the woongemeente like inschrijvingen.
     */
    public static Optional<String> gemeente(KindDossier dossier) {
        Optional<String> uitRegistratie = lijst(dossier.registraties()).stream()
                .filter(r -> !r.verwijderd() && heeftWaarde(r.gemeentecode()))
                .max(Comparator.comparing(Registratie::begindatum)
                        .thenComparing(r -> r.soort() == Registratie.Soort.INSCHRIJVING)
                        .thenComparing(Registratie::regelId, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(Registratie::gemeentecode);
        return uitRegistratie
                .or(() -> lijst(dossier.meldingen()).stream()
                        .filter(m -> heeftWaarde(m.gemeentecode()) && m.laatsteMutatie() != null)
                        .max(Comparator.comparing(Verzuimmelding::laatsteMutatie))
                        .map(Verzuimmelding::gemeentecode))
                .or(() -> lijst(dossier.jeugdhulp()).stream()
                        .filter(r -> heeftWaarde(r.gemeentecode()))
                        .max(Toewijzingen.BERICHTVOLGORDE)
                        .map(JeugdhulpRegel::gemeentecode));
    }

    /**
     * The child's school registration on {@code asOf}: the current inschrijving (of several, the
     * latest begun); with none, the most recent one: the last ended (latest einddatum), else the
     * first one still to begin. Deleted registrations count for nothing.
     */
    public static Optional<Registratie> schoolRegistratie(KindDossier dossier, LocalDate asOf) {
        List<Registratie> inschrijvingen = lijst(dossier.registraties()).stream()
                .filter(r -> !r.verwijderd() && r.soort() == Registratie.Soort.INSCHRIJVING)
                .toList();
        Comparator<Registratie> opRegelId = Comparator.comparing(Registratie::regelId,
                Comparator.nullsFirst(Comparator.naturalOrder()));
        return inschrijvingen.stream()
                .filter(r -> r.geldigOp(asOf))
                .max(Comparator.comparing(Registratie::begindatum).thenComparing(opRegelId))
                .or(() -> inschrijvingen.stream()
                        .filter(r -> r.einddatum() != null && r.einddatum().isBefore(asOf))
                        .max(Comparator.comparing(Registratie::einddatum)
                                .thenComparing(Registratie::begindatum).thenComparing(opRegelId)))
                .or(() -> inschrijvingen.stream()
                        .filter(r -> r.begindatum().isAfter(asOf))
                        .min(Comparator.comparing(Registratie::begindatum).thenComparing(opRegelId)));
    }

    private static boolean heeftWaarde(String s) {
        return s != null && !s.isBlank();
    }

    private static <T> List<T> lijst(List<T> l) {
        return l == null ? List.of() : l;
    }
}

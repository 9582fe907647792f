package nl.kindplan.hub.signal;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.domain.Verzuimmelding;

/**
 * The terms of signals.md for one child on reference date D. The date tests of the spec apply to
 * D; otherwise the whole stored record counts (the newest melding version, every JW301 and JW307),
 * so the answer depends only on the record and D, never on when the hub saw a fact.
 */
public final class KindOpDatum {

    /** By laatste_mutatie; two equal ones cannot be stored, herkomst keeps the choice deterministic anyway. */
    private static final Comparator<Verzuimmelding> VERSIEVOLGORDE = Comparator
            .comparing(Verzuimmelding::laatsteMutatie, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(m -> m.herkomst() == null ? "" : m.herkomst().bestand())
            .thenComparingLong(m -> m.herkomst() == null ? 0 : m.herkomst().regel());

    private final KindDossier dossier;
    private final LocalDate asOf;
    private final SignalSettings settings;
    private final List<Registratie> registraties;
    private final List<Verzuimmelding> meldingen;
    private final List<JeugdhulpRegel> jeugdhulp;
    private final List<Toewijzing> toewijzingen;

    public KindOpDatum(KindDossier dossier, LocalDate asOf, SignalSettings settings) {
        this.dossier = Objects.requireNonNull(dossier, "dossier");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.settings = Objects.requireNonNull(settings, "settings");
        // a deleted registration was entered in error: it counts for nothing
        this.registraties = leeg(dossier.registraties()).stream().filter(r -> !r.verwijderd()).toList();
        this.meldingen = huidigeVersies(leeg(dossier.meldingen()));
        this.jeugdhulp = leeg(dossier.jeugdhulp());
        this.toewijzingen = Toewijzingen.van(jeugdhulp);
    }

    /**
     * The newest version of each melding (per meldingsnummer, by laatste_mutatie): an older version
     * never overrides a newer one, whatever the order of the list.
     */
    public static List<Verzuimmelding> huidigeVersies(Collection<Verzuimmelding> versies) {
        Map<String, Verzuimmelding> nieuwste = new LinkedHashMap<>();
        for (Verzuimmelding m : versies) {
            nieuwste.merge(m.meldingsnummer(), m, (a, b) -> VERSIEVOLGORDE.compare(a, b) >= 0 ? a : b);
        }
        return List.copyOf(nieuwste.values());
    }

    public KindDossier dossier() {
        return dossier;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public SignalSettings settings() {
        return settings;
    }

    /** age(D): whole years between geboortedatum and D; empty when the birth date is unknown. */
    public OptionalInt leeftijd() {
        LocalDate geboren = dossier.identiteit() == null ? null : dossier.identiteit().geboortedatum();
        if (geboren == null || geboren.isAfter(asOf)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Period.between(geboren, asOf).getYears());
    }

    /** plichtig: min {@literal <=} age(D) {@literal <=} max (leerplicht plus kwalificatieplicht). */
    public boolean plichtig() {
        OptionalInt age = leeftijd();
        return age.isPresent() && age.getAsInt() >= settings.plichtigMinAge()
                && age.getAsInt() <= settings.plichtigMaxAge();
    }

    /** Not-deleted inschrijvingen of both sources (DUO and EDEXML). */
    public List<Registratie> inschrijvingen() {
        return soort(Registratie.Soort.INSCHRIJVING);
    }

    /** The inschrijvingen valid on D; a melding is not a registration. */
    public List<Registratie> inschrijvingenOpDatum() {
        return inschrijvingen().stream().filter(r -> r.geldigOp(asOf)).toList();
    }

    public boolean ingeschreven() {
        return !inschrijvingenOpDatum().isEmpty();
    }

    public boolean vrijgesteld() {
        return soort(Registratie.Soort.VRIJSTELLING).stream().anyMatch(r -> r.geldigOp(asOf));
    }

    /**
     * The last registration: of the inschrijvingen that have ended by D (einddatum before D), the one
     * with the latest einddatum. On a tie the one that carries a reden wins (an EDEXML uitstroom has
     * none, a DUO uitschrijving of the same day does), then DUO, then the highest regelId.
     */
    public Optional<Registratie> laatsteRegistratie() {
        return inschrijvingen().stream()
                .filter(r -> r.einddatum() != null && r.einddatum().isBefore(asOf))
                .max(Comparator.comparing(Registratie::einddatum)
                        .thenComparing(r -> r.reden() != null && !r.reden().isBlank())
                        .thenComparing(r -> r.bron() == Registratie.Bron.DUO)
                        .thenComparing(Registratie::regelId, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /** The newest version of every melding, whatever its status or soort. */
    public List<Verzuimmelding> meldingen() {
        return meldingen;
    }

    /**
     * Open meldingen: newest version with an open status and begindatum {@literal <=} D; luxe
     * verzuim never counts.
     */
    public List<Verzuimmelding> openMeldingen() {
        return meldingen.stream()
                .filter(m -> SignalSettings.bevat(settings.openMeldingStatussen(), m.status()))
                .filter(m -> m.begindatum() != null && !m.begindatum().isAfter(asOf))
                .filter(m -> !SignalSettings.bevat(settings.luxeVerzuimSoorten(), m.verzuimsoort()))
                .toList();
    }

    /** Open meldingen of one of the given verzuimsoorten. */
    public List<Verzuimmelding> openMeldingen(Collection<String> soorten) {
        return openMeldingen().stream().filter(m -> SignalSettings.bevat(soorten, m.verzuimsoort())).toList();
    }

    /** Every stored iJw product line. */
    public List<JeugdhulpRegel> jeugdhulp() {
        return jeugdhulp;
    }

    public List<Toewijzing> toewijzingen() {
        return toewijzingen;
    }

    public List<Toewijzing> actieveToewijzingen() {
        return toewijzingen.stream().filter(t -> t.actiefOp(asOf)).toList();
    }

    public boolean jeugdhulpActief() {
        return !actieveToewijzingen().isEmpty();
    }

    /** D - since in days (negative when since lies after D). */
    public long dagenSinds(LocalDate since) {
        return ChronoUnit.DAYS.between(since, asOf);
    }

    private List<Registratie> soort(Registratie.Soort soort) {
        return registraties.stream().filter(r -> r.soort() == soort).toList();
    }

    private static <T> List<T> leeg(List<T> lijst) {
        return lijst == null ? List.of() : lijst;
    }
}

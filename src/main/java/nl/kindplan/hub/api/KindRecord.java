package nl.kindplan.hub.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.kindplan.hub.cases.CaseStore;
import nl.kindplan.hub.cases.EventType;
import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.signal.SignalCode;
import nl.kindplan.hub.domain.Verzuimmelding;
import nl.kindplan.hub.mapping.Mappings;
import nl.kindplan.hub.store.KindStore;

/**
 * The 'één kind, één plan' record as {@code GET /api/kinderen/{bsn}} returns it: identity,
 * inschrijvingen, vrijstellingen, meldingen (with every version), jeugdhulp, where each fact
 * came from (file, line and the night that took it in), the child's cases (open and closed) with
 * their samenwerkingsverband, their events and the facts behind them, and a timeline of it all.
 */
public record KindRecord(Kind kind, List<Inschrijving> inschrijvingen, List<Vrijstelling> vrijstellingen,
                         List<Melding> meldingen, List<Jeugdhulp> jeugdhulp, List<Casus> casussen,
                         List<Moment> tijdlijn) {

    public record Kind(String bsn, String onderwijsnummer, LocalDate geboortedatum, String achternaam,
                       String voorvoegsel, String voornamen) {
    }

    public record Samenwerkingsverband(String code, String naam) {
    }

    /** The night that took a fact in: its run and that run's reference date. */
    public record Nacht(long runId, LocalDate asOf) {
    }

    /** Where a fact came from: file, line, and the night that took the file in (null until a run claims it). */
    public record Herkomst(String bestand, long regel, Nacht nacht) {
    }

    public record Inschrijving(String bron, String regelId, String gemeentecode, String brin, String vestiging,
                               Samenwerkingsverband samenwerkingsverband, String onderwijssoort,
                               LocalDate begindatum, LocalDate einddatum, String reden, boolean verwijderd,
                               Herkomst herkomst) {
    }

    public record Vrijstelling(String bron, String regelId, String gemeentecode, String vrijstelling,
                              LocalDate begindatum, LocalDate einddatum, boolean verwijderd, Herkomst herkomst) {
    }

    /** A melding in its newest version, with every version the store keeps. */
    public record Melding(String meldingsnummer, String status, boolean open, String verzuimsoort, String brin,
                          String vestiging, String gemeentecode, LocalDate begindatum, LocalDate einddatum,
                          BigDecimal uren, String vermoedelijkeReden, LocalDateTime laatsteMutatie,
                          List<Versie> versies) {
    }

    public record Versie(LocalDateTime laatsteMutatie, String status, LocalDate einddatum, BigDecimal uren,
                         Herkomst herkomst) {
    }

    public record Jeugdhulp(String bericht, String berichtIdentificatie, LocalDate dagtekening, String gemeentecode,
                            String aanbieder, String referentieAanbieder, String toewijzingNummer,
                            String productcategorie, String productcode, String verwijzer, LocalDate toewijzingsdatum,
                            LocalDate ingangsdatum, LocalDate begindatum, LocalDate einddatum, String redenWijziging,
                            String redenBeeindiging, String statusAanlevering, Herkomst herkomst) {
    }

    /**
     * A case, open or closed, with the samenwerkingsverband its messages went to (null when none did)
     * and every event with its gronden. {@code caseId}, {@code signal}, {@code severity}, {@code since}
     * and, per event, {@code event} and {@code asOf} are named as in the case message (outputs.md).
     */
    public record Casus(String caseId, SignalCode signal, String signaalNaam, String severity, LocalDate since,
                        boolean open, LocalDate openedAsOf, LocalDate closedAsOf,
                        Samenwerkingsverband samenwerkingsverband, List<Gebeurtenis> events) {
    }

    /** One event of a case: which night made it, and the facts (gronden) that made the signal hold then. */
    public record Gebeurtenis(EventType event, String omschrijving, String severity, LocalDate since, LocalDate asOf,
                              long runId, List<Grond> gronden) {
    }

    /** A fact behind an event: a melding, registration or iJw message, and where it came from. */
    public record Grond(String soort, String id, Herkomst herkomst) {
    }

    /**
     * One line of the child's story, in date order: {@code soort} is INSCHRIJVING, UITSCHRIJVING,
     * VRIJSTELLING, MELDING, JEUGDHULP or ZAAK; {@code wat} says it in Dutch; {@code herkomst} is the
     * fact's origin (none for a case event), {@code nacht} the night it was taken in or judged.
     */
    public record Moment(LocalDate datum, String soort, String wat, Herkomst herkomst, Nacht nacht) {
    }

    /** The signals' names as operators read them. */
    static final Map<SignalCode, String> SIGNAAL_NAAM = Map.of(
            SignalCode.THUISZITTER, "Thuiszitter",
            SignalCode.ABSOLUUT_VERZUIM, "Absoluut verzuim",
            SignalCode.ZORG_NIET_TOEGEWEZEN, "Zorg niet toegewezen",
            SignalCode.ZORG_GESTOPT_BIJ_VERZUIM, "Zorg gestopt bij verzuim",
            SignalCode.MATCH, "Match");

    static final Map<EventType, String> GEBEURTENIS = Map.of(
            EventType.OPENED, "geopend", EventType.UPDATED, "bijgewerkt", EventType.RESOLVED, "opgelost");

    /**
     * The record of one child. {@code nachten}: the night of each fact by file and line
     * ({@link KindStore#nachten}); {@code swvPerCase}: the SWV code each case's messages went to.
     */
    public static KindRecord of(KindDossier dossier, List<CaseStore.StoredCase> cases, Mappings mappings,
                                Map<nl.kindplan.hub.domain.Herkomst, KindStore.Nacht> nachten,
                                Map<String, String> swvPerCase) {
        Function<nl.kindplan.hub.domain.Herkomst, Herkomst> herkomst = h -> herkomst(h, nachten);
        var id = dossier.identiteit();
        Kind kind = new Kind(id.bsn(), id.onderwijsnummer(), id.geboortedatum(), id.achternaam(), id.voorvoegsel(),
                id.voornamen());
        List<Inschrijving> inschrijvingen = dossier.registraties().stream()
                .filter(r -> r.soort() == Registratie.Soort.INSCHRIJVING)
                .map(r -> new Inschrijving(r.bron().name(), r.regelId(), r.gemeentecode(), r.brin(), r.vestiging(),
                        mappings.samenwerkingsverband(r.brin(), r.vestiging())
                                .map(s -> new Samenwerkingsverband(s.code(), s.naam())).orElse(null),
                        r.onderwijssoort(), r.begindatum(), r.einddatum(), r.reden(), r.verwijderd(),
                        herkomst.apply(r.herkomst())))
                .toList();
        List<Vrijstelling> vrijstellingen = dossier.registraties().stream()
                .filter(r -> r.soort() == Registratie.Soort.VRIJSTELLING)
                .map(r -> new Vrijstelling(r.bron().name(), r.regelId(), r.gemeentecode(), r.vrijstelling(),
                        r.begindatum(), r.einddatum(), r.verwijderd(), herkomst.apply(r.herkomst())))
                .toList();
        List<Melding> meldingen = meldingen(dossier.meldingen(), herkomst);
        List<Jeugdhulp> jeugdhulp = dossier.jeugdhulp().stream().map(j -> jeugdhulp(j, herkomst)).toList();
        List<Casus> casussen = cases.stream().map(c -> casus(c, herkomst, mappings, swvPerCase.get(c.caseId())))
                .toList();
        return new KindRecord(kind, inschrijvingen, vrijstellingen, meldingen, jeugdhulp, casussen,
                tijdlijn(inschrijvingen, vrijstellingen, meldingen, jeugdhulp, casussen));
    }

    private static Herkomst herkomst(nl.kindplan.hub.domain.Herkomst h,
                                     Map<nl.kindplan.hub.domain.Herkomst, KindStore.Nacht> nachten) {
        if (h == null) {
            return null;
        }
        KindStore.Nacht nacht = nachten.get(h);
        if (nacht == null) {
            // a grond whose fact was replaced since: the night of another fact from the same file
            nacht = nachten.entrySet().stream().filter(e -> e.getKey().bestand().equals(h.bestand()))
                    .map(Map.Entry::getValue).max(Comparator.comparingLong(KindStore.Nacht::runId)).orElse(null);
        }
        return new Herkomst(h.bestand(), h.regel(), nacht == null ? null : new Nacht(nacht.runId(), nacht.asOf()));
    }

    private static List<Melding> meldingen(List<Verzuimmelding> versies,
                                           Function<nl.kindplan.hub.domain.Herkomst, Herkomst> herkomst) {
        Map<String, List<Verzuimmelding>> perNummer = versies.stream()
                .collect(Collectors.groupingBy(Verzuimmelding::meldingsnummer, java.util.TreeMap::new, Collectors.toList()));
        return perNummer.values().stream().map(lijst -> {
            List<Verzuimmelding> sorted = lijst.stream()
                    .sorted(Comparator.comparing(Verzuimmelding::laatsteMutatie)).toList();
            Verzuimmelding m = sorted.get(sorted.size() - 1);
            return new Melding(m.meldingsnummer(), m.status(), m.isOpen(), m.verzuimsoort(), m.brin(), m.vestiging(),
                    m.gemeentecode(), m.begindatum(), m.einddatum(), m.uren(), m.vermoedelijkeReden(),
                    m.laatsteMutatie(), sorted.stream().map(v -> new Versie(v.laatsteMutatie(), v.status(),
                    v.einddatum(), v.uren(), herkomst.apply(v.herkomst()))).toList());
        }).toList();
    }

    private static Jeugdhulp jeugdhulp(JeugdhulpRegel j, Function<nl.kindplan.hub.domain.Herkomst, Herkomst> herkomst) {
        return new Jeugdhulp(j.berichttype().name(), j.berichtIdentificatie(), j.dagtekening(), j.gemeentecode(),
                j.aanbieder(), j.referentieAanbieder(), j.toewijzingNummer(), j.productcategorie(), j.productcode(),
                j.verwijzerType(), j.toewijzingsdatum(), j.ingangsdatum(), j.begindatum(), j.einddatum(),
                j.redenWijziging(), j.redenBeeindiging(), j.statusAanlevering(), herkomst.apply(j.herkomst()));
    }

    private static Casus casus(CaseStore.StoredCase c, Function<nl.kindplan.hub.domain.Herkomst, Herkomst> herkomst,
                               Mappings mappings, String swvCode) {
        Samenwerkingsverband swv = swvCode == null ? null : new Samenwerkingsverband(swvCode,
                mappings.samenwerkingsverband(swvCode).map(Mappings.Samenwerkingsverband::naam).orElse(null));
        String naam = SIGNAAL_NAAM.getOrDefault(c.signal(), c.signal().name());
        List<Gebeurtenis> events = c.events().stream().map(e -> new Gebeurtenis(e.event(),
                "zaak " + naam + " " + GEBEURTENIS.getOrDefault(e.event(), e.event().name()),
                e.severity().name(), e.since(), e.asOf(), e.runId(),
                e.gronden().stream().map(g -> new Grond(g.soort().name(), g.id(), herkomst.apply(g.herkomst())))
                        .toList())).toList();
        return new Casus(c.caseId(), c.signal(), naam, c.severity().name(), c.since(), c.open(), c.openedAsOf(),
                c.closedAsOf(), swv, events);
    }

    /** The child's story in date order: school, vrijstellingen, verzuim, jeugdhulp and the cases the hub kept. */
    private static List<Moment> tijdlijn(List<Inschrijving> inschrijvingen, List<Vrijstelling> vrijstellingen,
                                         List<Melding> meldingen, List<Jeugdhulp> jeugdhulp, List<Casus> casussen) {
        List<Moment> tijdlijn = new ArrayList<>();
        for (Inschrijving i : inschrijvingen) {
            String school = i.brin() + (i.vestiging() == null ? "" : i.vestiging());
            String swv = i.samenwerkingsverband() == null ? "" : " (" + swvNaam(i.samenwerkingsverband()) + ")";
            String verwijderd = i.verwijderd() ? ", later verwijderd door de bron" : "";
            tijdlijn.add(moment(i.begindatum(), "INSCHRIJVING", "ingeschreven op " + school + swv + verwijderd,
                    i.herkomst()));
            if (i.einddatum() != null) {
                tijdlijn.add(moment(i.einddatum(), "UITSCHRIJVING", "uitgeschreven van " + school
                        + (i.reden() == null ? "" : ", reden " + i.reden()), i.herkomst()));
            }
        }
        for (Vrijstelling v : vrijstellingen) {
            tijdlijn.add(moment(v.begindatum(), "VRIJSTELLING", "vrijstelling " + v.vrijstelling()
                    + (v.einddatum() == null ? "" : " tot " + v.einddatum()), v.herkomst()));
        }
        for (Melding m : meldingen) {
            Versie eerste = m.versies().get(0);
            tijdlijn.add(moment(m.begindatum(), "MELDING", "verzuim begonnen: melding " + m.meldingsnummer() + " ("
                    + m.verzuimsoort() + ", school " + m.brin() + m.vestiging() + ")", eerste.herkomst()));
            for (Versie v : m.versies().subList(1, m.versies().size())) {
                tijdlijn.add(moment(v.laatsteMutatie().toLocalDate(), "MELDING", "melding " + m.meldingsnummer()
                        + " gewijzigd: status " + v.status() + (v.uren() == null ? "" : ", " + v.uren() + " uur"),
                        v.herkomst()));
            }
            Versie laatste = m.versies().get(m.versies().size() - 1);
            if (m.einddatum() != null) {
                tijdlijn.add(moment(m.einddatum(), "MELDING", "verzuim beëindigd: melding " + m.meldingsnummer(),
                        laatste.herkomst()));
            }
        }
        for (Jeugdhulp j : jeugdhulp) {
            String product = j.productcategorie() == null ? "" : ", productcategorie " + j.productcategorie();
            String toewijzing = j.toewijzingNummer() == null ? "" : " toewijzing " + j.toewijzingNummer();
            tijdlijn.add(moment(j.dagtekening(), "JEUGDHULP", j.bericht() + " (" + berichtNaam(j.bericht()) + ")"
                    + toewijzing + " van aanbieder " + j.aanbieder() + product
                    + (j.ingangsdatum() == null ? "" : ", ingang " + j.ingangsdatum())
                    + (j.begindatum() == null ? "" : ", begin " + j.begindatum()), j.herkomst()));
            if (j.einddatum() != null) {
                tijdlijn.add(moment(j.einddatum(), "JEUGDHULP", "jeugdhulp beëindigd" + toewijzing + product
                        + (j.redenBeeindiging() == null ? "" : ", reden " + j.redenBeeindiging()), j.herkomst()));
            }
        }
        for (Casus c : casussen) {
            for (Gebeurtenis e : c.events()) {
                String swv = c.samenwerkingsverband() == null ? "" : ", naar " + swvNaam(c.samenwerkingsverband());
                tijdlijn.add(new Moment(e.asOf(), "ZAAK", e.omschrijving() + " (" + e.severity() + swv + ")", null,
                        new Nacht(e.runId(), e.asOf())));
            }
        }
        tijdlijn.sort(Comparator.comparing(Moment::datum, Comparator.nullsFirst(Comparator.naturalOrder())));
        return tijdlijn;
    }

    private static Moment moment(LocalDate datum, String soort, String wat, Herkomst herkomst) {
        return new Moment(datum, soort, wat, herkomst, herkomst == null ? null : herkomst.nacht());
    }

    private static String swvNaam(Samenwerkingsverband swv) {
        return swv.naam() == null ? swv.code() : swv.code() + " · " + swv.naam();
    }

    private static String berichtNaam(String bericht) {
        return switch (bericht) {
            case "JW301" -> "toewijzing";
            case "JW305" -> "start zorg";
            case "JW307" -> "stop zorg";
            case "JW315" -> "verzoek om toewijzing";
            default -> "iJw-bericht";
        };
    }
}

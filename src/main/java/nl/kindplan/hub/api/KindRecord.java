package nl.kindplan.hub.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.kindplan.hub.cases.CaseStore;
import nl.kindplan.hub.domain.Herkomst;
import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.domain.Verzuimmelding;
import nl.kindplan.hub.mapping.Mappings;

/**
 * The 'één kind, één plan' record as {@code GET /api/kinderen/{bsn}} returns it: identity,
 * inschrijvingen, vrijstellingen, meldingen (with every version), jeugdhulp, where each fact
 * came from, and the child's cases (open and closed) with their events and the facts behind them.
 */
public record KindRecord(Kind kind, List<Inschrijving> inschrijvingen, List<Vrijstelling> vrijstellingen,
                         List<Melding> meldingen, List<Jeugdhulp> jeugdhulp, List<CaseStore.StoredCase> casussen) {

    public record Kind(String bsn, String onderwijsnummer, LocalDate geboortedatum, String achternaam,
                       String voorvoegsel, String voornamen) {
    }

    public record Samenwerkingsverband(String code, String naam) {
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

    public static KindRecord of(KindDossier dossier, List<CaseStore.StoredCase> casussen, Mappings mappings) {
        var id = dossier.identiteit();
        Kind kind = new Kind(id.bsn(), id.onderwijsnummer(), id.geboortedatum(), id.achternaam(), id.voorvoegsel(),
                id.voornamen());
        List<Inschrijving> inschrijvingen = dossier.registraties().stream()
                .filter(r -> r.soort() == Registratie.Soort.INSCHRIJVING)
                .map(r -> new Inschrijving(r.bron().name(), r.regelId(), r.gemeentecode(), r.brin(), r.vestiging(),
                        mappings.samenwerkingsverband(r.brin(), r.vestiging())
                                .map(s -> new Samenwerkingsverband(s.code(), s.naam())).orElse(null),
                        r.onderwijssoort(), r.begindatum(), r.einddatum(), r.reden(), r.verwijderd(), r.herkomst()))
                .toList();
        List<Vrijstelling> vrijstellingen = dossier.registraties().stream()
                .filter(r -> r.soort() == Registratie.Soort.VRIJSTELLING)
                .map(r -> new Vrijstelling(r.bron().name(), r.regelId(), r.gemeentecode(), r.vrijstelling(),
                        r.begindatum(), r.einddatum(), r.verwijderd(), r.herkomst()))
                .toList();
        return new KindRecord(kind, inschrijvingen, vrijstellingen, meldingen(dossier.meldingen()),
                dossier.jeugdhulp().stream().map(KindRecord::jeugdhulp).toList(), casussen);
    }

    private static List<Melding> meldingen(List<Verzuimmelding> versies) {
        Map<String, List<Verzuimmelding>> perNummer = versies.stream()
                .collect(Collectors.groupingBy(Verzuimmelding::meldingsnummer, java.util.TreeMap::new, Collectors.toList()));
        return perNummer.values().stream().map(lijst -> {
            List<Verzuimmelding> sorted = lijst.stream()
                    .sorted(Comparator.comparing(Verzuimmelding::laatsteMutatie)).toList();
            Verzuimmelding m = sorted.get(sorted.size() - 1);
            return new Melding(m.meldingsnummer(), m.status(), m.isOpen(), m.verzuimsoort(), m.brin(), m.vestiging(),
                    m.gemeentecode(), m.begindatum(), m.einddatum(), m.uren(), m.vermoedelijkeReden(),
                    m.laatsteMutatie(), sorted.stream().map(v -> new Versie(v.laatsteMutatie(), v.status(),
                    v.einddatum(), v.uren(), v.herkomst())).toList());
        }).toList();
    }

    private static Jeugdhulp jeugdhulp(JeugdhulpRegel j) {
        return new Jeugdhulp(j.berichttype().name(), j.berichtIdentificatie(), j.dagtekening(), j.gemeentecode(),
                j.aanbieder(), j.referentieAanbieder(), j.toewijzingNummer(), j.productcategorie(), j.productcode(),
                j.verwijzerType(), j.toewijzingsdatum(), j.ingangsdatum(), j.begindatum(), j.einddatum(),
                j.redenWijziging(), j.redenBeeindiging(), j.statusAanlevering(), j.herkomst());
    }
}

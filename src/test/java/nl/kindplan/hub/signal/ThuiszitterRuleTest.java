package nl.kindplan.hub.signal;

import static nl.kindplan.hub.signal.DossierBuilder.kind;
import static nl.kindplan.hub.signal.DossierBuilder.moment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.kindplan.hub.domain.KindDossier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("THUISZITTER: ingeschreven, and an open melding of soort LRV (at any age)")
class ThuiszitterRuleTest {

    private static final LocalDate D = LocalDate.of(2025, 3, 12);
    private static final LocalDate LRV_BEGIN = LocalDate.of(2025, 2, 3);

    private final ThuiszitterRule rule = new ThuiszitterRule(SignalSettings.defaults());

    @Test
    @DisplayName("ingeschreven with an open LRV melding: SIGNAAL since the melding's begindatum, on both facts")
    void ingeschreven_met_open_lrv_melding() {
        KindDossier dossier = kind()
                .inschrijving("R1", LocalDate.of(2024, 8, 26), null)
                .melding("M1", "LRV", LRV_BEGIN)
                .bouw();

        SignalHit hit = rule.evaluate(dossier, D).orElseThrow();

        assertThat(hit.signal()).isEqualTo(SignalCode.THUISZITTER);
        assertThat(hit.severity()).isEqualTo(Severity.SIGNAAL);
        assertThat(hit.since()).isEqualTo(LRV_BEGIN);
        assertThat(hit.gronden()).extracting(Grond::soort, Grond::id)
                .containsExactlyInAnyOrder(
                        tuple(Grond.Soort.REGISTRATIE, "R1"),
                        tuple(Grond.Soort.MELDING, "M1"));
        assertThat(hit.gronden()).allSatisfy(g -> assertThat(g.herkomst()).isNotNull());
    }

    @Test
    @DisplayName("at any age: a 19-year-old ingeschreven with an open LRV melding is a thuiszitter")
    void op_elke_leeftijd() {
        KindDossier dossier = kind(LocalDate.of(2005, 6, 1))
                .inschrijving("R1", LocalDate.of(2023, 8, 28), null)
                .melding("M1", "LRV", LRV_BEGIN)
                .bouw();

        assertThat(rule.evaluate(dossier, D)).isPresent();
    }

    @Test
    @DisplayName("a melding is not a registration: an open LRV melding without inschrijving is no thuiszitter")
    void melding_zonder_inschrijving() {
        KindDossier dossier = kind().melding("M1", "LRV", LRV_BEGIN).bouw();

        assertThat(rule.evaluate(dossier, D)).isEmpty();
    }

    @Test
    @DisplayName("an open melding of another soort (V3) is not LRV")
    void andere_verzuimsoort() {
        KindDossier dossier = kind()
                .inschrijving("R1", LocalDate.of(2024, 8, 26), null)
                .melding("M1", "V3", LRV_BEGIN)
                .bouw();

        assertThat(rule.evaluate(dossier, D)).isEmpty();
    }

    @Test
    @DisplayName("D - since = 90 days: SIGNAAL; 91 days: ESCALATIE (nobody longer than three months)")
    void escalatie_vanaf_91_dagen() {
        KindDossier dossier = kind()
                .inschrijving("R1", LocalDate.of(2024, 8, 26), null)
                .melding("M1", "LRV", LRV_BEGIN)
                .bouw();

        assertThat(rule.evaluate(dossier, LRV_BEGIN.plusDays(90))).map(SignalHit::severity).contains(Severity.SIGNAAL);
        assertThat(rule.evaluate(dossier, LRV_BEGIN.plusDays(91))).map(SignalHit::severity).contains(Severity.ESCALATIE);
    }

    @Test
    @DisplayName("a melding beginning after D is not open yet; on its begindatum it is")
    void begindatum_na_d() {
        KindDossier dossier = kind()
                .inschrijving("R1", LocalDate.of(2024, 8, 26), null)
                .melding("M1", "LRV", "R", LRV_BEGIN, LRV_BEGIN.minusDays(2).atStartOfDay())
                .bouw();

        assertThat(rule.evaluate(dossier, LRV_BEGIN.minusDays(1))).isEmpty();
        assertThat(rule.evaluate(dossier, LRV_BEGIN)).isPresent();
    }

    @Test
    @DisplayName("since is the begindatum of the oldest OPEN LRV melding; a closed older one does not count")
    void oudste_open_lrv_melding() {
        KindDossier dossier = kind()
                .inschrijving("R1", LocalDate.of(2024, 8, 26), null)
                .melding("OUD", "LRV", "G", LocalDate.of(2024, 10, 1), moment(2024, 11, 1))
                .melding("M2", "LRV", "B", LocalDate.of(2025, 1, 6), moment(2025, 1, 7))
                .melding("M3", "LRV", LocalDate.of(2025, 2, 10))
                .bouw();

        SignalHit hit = rule.evaluate(dossier, D).orElseThrow();

        assertThat(hit.since()).isEqualTo(LocalDate.of(2025, 1, 6));
        assertThat(hit.gronden()).extracting(Grond::id).containsExactlyInAnyOrder("R1", "M2", "M3");
    }

    @Test
    @DisplayName("melding updated out of order: a closed newest version listed before an older open one closes it")
    void nieuwste_versie_wint_ongeacht_volgorde() {
        KindDossier gesloten = kind()
                .inschrijving("R1", LocalDate.of(2024, 8, 26), null)
                .melding("M1", "LRV", "G", LRV_BEGIN, moment(2025, 3, 1))
                .melding("M1", "LRV", "R", LRV_BEGIN, moment(2025, 2, 4))
                .bouw();
        KindDossier heropend = kind()
                .inschrijving("R1", LocalDate.of(2024, 8, 26), null)
                .melding("M1", "LRV", "B", LRV_BEGIN, moment(2025, 3, 5))
                .melding("M1", "LRV", "G", LRV_BEGIN, moment(2025, 3, 1))
                .bouw();

        assertThat(rule.evaluate(gesloten, D)).isEmpty();
        assertThat(rule.evaluate(heropend, D)).isPresent();
    }

    @Test
    @DisplayName("ingeschreven on D: einddatum = D still counts, einddatum = D - 1 does not")
    void inschrijving_einddatum_grens() {
        KindDossier totD = kind().inschrijving("R1", LocalDate.of(2024, 8, 26), D).melding("M1", "LRV", LRV_BEGIN).bouw();
        KindDossier totGisteren = kind().inschrijving("R1", LocalDate.of(2024, 8, 26), D.minusDays(1))
                .melding("M1", "LRV", LRV_BEGIN).bouw();

        assertThat(rule.evaluate(totD, D)).isPresent();
        assertThat(rule.evaluate(totGisteren, D)).isEmpty();
    }

    @Test
    @DisplayName("a deleted registration counts for nothing")
    void verwijderde_inschrijving() {
        KindDossier dossier = kind()
                .verwijderdeInschrijving("R1", LocalDate.of(2024, 8, 26), null)
                .melding("M1", "LRV", LRV_BEGIN)
                .bouw();

        assertThat(rule.evaluate(dossier, D)).isEmpty();
    }

    @Test
    @DisplayName("an EDEXML registration (instroomdatum, no uitstroomdatum) makes the child ingeschreven")
    void edexml_inschrijving() {
        KindDossier dossier = kind()
                .edexml("EDX-1", LocalDate.of(2024, 8, 26), null)
                .melding("M1", "LRV", LRV_BEGIN)
                .bouw();

        assertThat(rule.evaluate(dossier, D)).map(SignalHit::since).contains(LRV_BEGIN);
    }

    @Test
    @DisplayName("thresholds are settings: another escalation period and soort list apply")
    void instellingen() {
        SignalSettings d = SignalSettings.defaults();
        SignalSettings anders = new SignalSettings(d.plichtigMinAge(), d.plichtigMaxAge(), 30,
                d.absoluutVerzuimGraceDays(), d.zorgNietToegewezenWorkingDays(), d.zorgGestoptWindowDays(),
                d.zorgGestoptRedenen(), d.absoluutVerzuimExemptRedenen(), d.openMeldingStatussen(),
                d.luxeVerzuimSoorten(), List.of("LRV", "O"), d.matchSoorten());
        KindDossier dossier = kind()
                .inschrijving("R1", LocalDate.of(2024, 8, 26), null)
                .melding("M1", "O", LRV_BEGIN)
                .bouw();

        Optional<SignalHit> hit = new ThuiszitterRule(anders).evaluate(dossier, LRV_BEGIN.plusDays(30));

        assertThat(hit).map(SignalHit::severity).contains(Severity.ESCALATIE);
        assertThat(rule.evaluate(dossier, D)).isEmpty();
    }
}

package nl.kindplan.hub.signal;

import static nl.kindplan.hub.signal.DossierBuilder.kind;
import static nl.kindplan.hub.signal.DossierBuilder.moment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;

import nl.kindplan.hub.domain.KindDossier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ABSOLUUT_VERZUIM: plichtig, not ingeschreven, not vrijgesteld, last registration not ended with "
        + "EMIGRATIE/DIPLOMA/OVERLIJDEN, and D - since >= 7 days")
class AbsoluutVerzuimRuleTest {

    private static final LocalDate D = LocalDate.of(2025, 3, 12);
    private static final LocalDate BEGIN = LocalDate.of(2023, 8, 28);
    private static final LocalDate EIND = LocalDate.of(2025, 2, 28);
    /** The day after the einddatum of the last registration. */
    private static final LocalDate SINCE = LocalDate.of(2025, 3, 1);

    private final AbsoluutVerzuimRule rule = new AbsoluutVerzuimRule(SignalSettings.defaults());

    private static KindDossier uitgeschrevenKind() {
        return kind().inschrijving("R1", BEGIN, EIND).bouw();
    }

    @Test
    @DisplayName("since is the day after the einddatum of the last registration; grounded on that registration")
    void since_dag_na_laatste_einddatum() {
        SignalHit hit = rule.evaluate(uitgeschrevenKind(), SINCE.plusDays(7)).orElseThrow();

        assertThat(hit.signal()).isEqualTo(SignalCode.ABSOLUUT_VERZUIM);
        assertThat(hit.since()).isEqualTo(SINCE);
        assertThat(hit.severity()).isEqualTo(Severity.SIGNAAL);
        assertThat(hit.gronden()).extracting(Grond::soort, Grond::id)
                .containsExactly(tuple(Grond.Soort.REGISTRATIE, "R1"));
    }

    @Test
    @DisplayName("grace period: D - since = 6 days no signal, 7 days SIGNAAL")
    void grace_periode_van_7_dagen() {
        assertThat(rule.evaluate(uitgeschrevenKind(), SINCE.plusDays(6))).isEmpty();
        assertThat(rule.evaluate(uitgeschrevenKind(), SINCE.plusDays(7))).isPresent();
    }

    @Test
    @DisplayName("D - since = 90 days: SIGNAAL; 91 days: ESCALATIE")
    void escalatie_vanaf_91_dagen() {
        assertThat(rule.evaluate(uitgeschrevenKind(), SINCE.plusDays(90))).map(SignalHit::severity)
                .contains(Severity.SIGNAAL);
        assertThat(rule.evaluate(uitgeschrevenKind(), SINCE.plusDays(91))).map(SignalHit::severity)
                .contains(Severity.ESCALATIE);
    }

    @Test
    @DisplayName("a school change with a short gap raises nothing: not within 7 days, and not once the new school starts")
    void schoolwissel_met_korte_onderbreking() {
        KindDossier dossier = kind()
                .inschrijving("OUD", BEGIN, EIND)
                .inschrijving("NIEUW", LocalDate.of(2025, 3, 6), null)
                .bouw();

        assertThat(rule.evaluate(dossier, LocalDate.of(2025, 3, 5))).isEmpty();
        assertThat(rule.evaluate(dossier, LocalDate.of(2025, 3, 6))).isEmpty();
        assertThat(rule.evaluate(dossier, LocalDate.of(2025, 6, 1))).isEmpty();
    }

    @ParameterizedTest(name = "uitgeschreven with reden {0}: no signal")
    @ValueSource(strings = {"EMIGRATIE", "DIPLOMA", "OVERLIJDEN"})
    @DisplayName("the last registration ended with EMIGRATIE, DIPLOMA or OVERLIJDEN: no signal")
    void vrijstellende_uitschrijvingsreden(String reden) {
        KindDossier dossier = kind().uitgeschreven("R1", BEGIN, EIND, reden).bouw();

        assertThat(rule.evaluate(dossier, SINCE.plusDays(30))).isEmpty();
    }

    @ParameterizedTest(name = "uitgeschreven with reden {0}: signal")
    @ValueSource(strings = {"SCHOOLWISSEL", "VERHUIZING", "OVERIG"})
    @DisplayName("other uitschrijvingsredenen do raise the signal")
    void andere_uitschrijvingsreden(String reden) {
        KindDossier dossier = kind().uitgeschreven("R1", BEGIN, EIND, reden).bouw();

        assertThat(rule.evaluate(dossier, SINCE.plusDays(30))).isPresent();
    }

    @Test
    @DisplayName("only the LAST registration's reden counts: an earlier EMIGRATIE does not exempt a later uitschrijving")
    void alleen_de_laatste_registratie_telt() {
        KindDossier dossier = kind()
                .uitgeschreven("R1", LocalDate.of(2020, 8, 31), LocalDate.of(2021, 7, 1), "EMIGRATIE")
                .uitgeschreven("R2", BEGIN, EIND, "OVERIG")
                .bouw();

        assertThat(rule.evaluate(dossier, SINCE.plusDays(30))).map(SignalHit::since).contains(SINCE);
    }

    @Test
    @DisplayName("an EDEXML uitstroom (no reden) on the day of a DUO uitschrijving with EMIGRATIE is still EMIGRATIE")
    void edexml_en_duo_op_dezelfde_dag() {
        KindDossier dossier = kind()
                .edexml("EDX-1", BEGIN, EIND)
                .uitgeschreven("R1", BEGIN, EIND, "EMIGRATIE")
                .bouw();

        assertThat(rule.evaluate(dossier, SINCE.plusDays(30))).isEmpty();
    }

    @Test
    @DisplayName("vrijgesteld on D: no signal; once the vrijstelling has ended the signal holds")
    void vrijstelling() {
        KindDossier dossier = kind()
                .inschrijving("R1", BEGIN, EIND)
                .vrijstelling("V1", SINCE, LocalDate.of(2025, 7, 31))
                .bouw();

        assertThat(rule.evaluate(dossier, LocalDate.of(2025, 7, 31))).isEmpty();
        assertThat(rule.evaluate(dossier, LocalDate.of(2025, 8, 1))).isPresent();
    }

    @Test
    @DisplayName("ingeschreven on D: no signal")
    void ingeschreven() {
        KindDossier dossier = kind().inschrijving("R1", BEGIN, null).bouw();

        assertThat(rule.evaluate(dossier, SINCE.plusDays(30))).isEmpty();
    }

    @Test
    @DisplayName("a deleted registration counts for nothing: it neither makes the child ingeschreven nor gives since")
    void verwijderde_registratie() {
        KindDossier dossier = kind()
                .inschrijving("R1", BEGIN, EIND)
                .verwijderdeInschrijving("FOUT", SINCE, null)
                .verwijderdeInschrijving("FOUT2", BEGIN, LocalDate.of(2025, 3, 3))
                .bouw();

        assertThat(rule.evaluate(dossier, SINCE.plusDays(7))).map(SignalHit::since).contains(SINCE);
    }

    @Test
    @DisplayName("plichtig from age 5: the day before the 5th birthday no signal, on it the signal holds")
    void leeftijd_5() {
        LocalDate geboren = LocalDate.of(2020, 4, 15);
        KindDossier dossier = kind(geboren).melding("M1", "O", LocalDate.of(2025, 1, 6)).bouw();

        assertThat(rule.evaluate(dossier, LocalDate.of(2025, 4, 14))).isEmpty();
        assertThat(rule.evaluate(dossier, LocalDate.of(2025, 4, 15))).isPresent();
    }

    @Test
    @DisplayName("plichtig through age 17: the day before the 18th birthday the signal holds, on it no longer")
    void leeftijd_17_en_18() {
        LocalDate geboren = LocalDate.of(2007, 4, 15);
        KindDossier dossier = kind(geboren).inschrijving("R1", LocalDate.of(2019, 8, 26), EIND).bouw();

        assertThat(rule.evaluate(dossier, LocalDate.of(2025, 4, 14))).isPresent();
        assertThat(rule.evaluate(dossier, LocalDate.of(2025, 4, 15))).isEmpty();
    }

    @Test
    @DisplayName("a child never registered: since is the earliest begindatum of its meldingen and Dagtekening of its iJw messages")
    void nooit_ingeschreven_since_uit_melding_of_dagtekening() {
        KindDossier meldingEerst = kind()
                .melding("M1", "V3", LocalDate.of(2025, 1, 13))
                .jw315("B1", LocalDate.of(2025, 2, 3), "REF1")
                .bouw();
        KindDossier dagtekeningEerst = kind()
                .melding("M1", "V3", LocalDate.of(2025, 1, 13))
                .jw315("B1", LocalDate.of(2024, 12, 2), "REF1")
                .bouw();

        SignalHit uitMelding = rule.evaluate(meldingEerst, D).orElseThrow();
        SignalHit uitIjw = rule.evaluate(dagtekeningEerst, D).orElseThrow();

        assertThat(uitMelding.since()).isEqualTo(LocalDate.of(2025, 1, 13));
        assertThat(uitMelding.gronden()).extracting(Grond::soort).containsExactly(Grond.Soort.MELDING);
        assertThat(uitIjw.since()).isEqualTo(LocalDate.of(2024, 12, 2));
        assertThat(uitIjw.gronden()).extracting(Grond::soort, Grond::id)
                .containsExactly(tuple(Grond.Soort.JEUGDHULP, "REF1"));
        assertThat(uitIjw.severity()).isEqualTo(Severity.ESCALATIE);
    }

    @Test
    @DisplayName("a child never registered uses every melding, closed or luxe ones too: they date when the child was known")
    void nooit_ingeschreven_alle_meldingen() {
        KindDossier dossier = kind()
                .melding("M1", "L", "G", LocalDate.of(2024, 11, 4), moment(2024, 11, 20))
                .melding("M2", "V3", LocalDate.of(2025, 1, 13))
                .bouw();

        assertThat(rule.evaluate(dossier, D)).map(SignalHit::since).contains(LocalDate.of(2024, 11, 4));
    }

    @Test
    @DisplayName("a child never registered and with no dated fact at all: no signal")
    void nooit_ingeschreven_zonder_datum() {
        assertThat(rule.evaluate(kind().bouw(), D)).isEmpty();
    }

    @Test
    @DisplayName("a child whose only registration was deleted is a child never registered")
    void alleen_verwijderde_registratie() {
        KindDossier dossier = kind()
                .verwijderdeInschrijving("FOUT", LocalDate.of(2022, 8, 29), LocalDate.of(2024, 7, 1))
                .melding("M1", "V3", LocalDate.of(2025, 1, 13))
                .bouw();

        assertThat(rule.evaluate(dossier, D)).map(SignalHit::since).contains(LocalDate.of(2025, 1, 13));
    }
}

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

@DisplayName("MATCH: jeugdhulp actief and an open melding of soort V3, V4 or LRV")
class MatchRuleTest {

    private static final LocalDate D = LocalDate.of(2025, 3, 12);
    private static final LocalDate INGANG = LocalDate.of(2025, 1, 15);
    private static final LocalDate MELDING = LocalDate.of(2024, 12, 2);

    private final MatchRule rule = new MatchRule(SignalSettings.defaults());

    @Test
    @DisplayName("INFO, since the later of the melding's begindatum and the toewijzing's Ingangsdatum (here the toewijzing)")
    void since_is_de_latere_toewijzing() {
        KindDossier dossier = kind()
                .melding("M1", "V3", MELDING)
                .jw301("B1", INGANG.minusDays(5), "T1", "REF-1", INGANG, null)
                .bouw();

        SignalHit hit = rule.evaluate(dossier, D).orElseThrow();

        assertThat(hit.signal()).isEqualTo(SignalCode.MATCH);
        assertThat(hit.severity()).isEqualTo(Severity.INFO);
        assertThat(hit.since()).isEqualTo(INGANG);
        assertThat(hit.gronden()).extracting(Grond::soort, Grond::id)
                .containsExactlyInAnyOrder(tuple(Grond.Soort.MELDING, "M1"), tuple(Grond.Soort.JEUGDHULP, "T1"));
    }

    @Test
    @DisplayName("since is the later of the two dates (here the melding's begindatum)")
    void since_is_de_latere_melding() {
        LocalDate laterMelding = LocalDate.of(2025, 2, 17);
        KindDossier dossier = kind()
                .melding("M1", "V4", laterMelding)
                .jw301("B1", INGANG, "T1", "REF-1", INGANG, null)
                .bouw();

        assertThat(rule.evaluate(dossier, D)).map(SignalHit::since).contains(laterMelding);
    }

    @Test
    @DisplayName("with several: the later of (the OLDEST such melding, the OLDEST active toewijzing)")
    void oudste_van_elk() {
        KindDossier dossier = kind()
                .melding("M1", "V3", LocalDate.of(2025, 2, 3))
                .melding("M2", "LRV", LocalDate.of(2025, 1, 20))
                .melding("M3", "O", LocalDate.of(2024, 9, 2))
                .jw301("B1", INGANG, "T1", "REF-1", LocalDate.of(2024, 10, 1), null)
                .jw301("B2", INGANG, "T2", "REF-2", LocalDate.of(2024, 11, 1), null)
                .jw301("B3", INGANG, "T3", "REF-3", LocalDate.of(2024, 6, 1), LocalDate.of(2024, 8, 1))
                .bouw();

        SignalHit hit = rule.evaluate(dossier, D).orElseThrow();

        assertThat(hit.since()).isEqualTo(LocalDate.of(2025, 1, 20));
        assertThat(hit.gronden()).extracting(Grond::id).containsExactlyInAnyOrder("M1", "M2", "T1", "T2");
    }

    @ParameterizedTest(name = "open melding of soort {0}: no MATCH")
    @ValueSource(strings = {"O", "L", "RMC"})
    @DisplayName("meldingen of other soorten (O, luxe L, RMC) make no MATCH")
    void andere_soorten(String soort) {
        KindDossier dossier = kind()
                .melding("M1", soort, MELDING)
                .jw301("B1", INGANG, "T1", "REF-1", INGANG, null)
                .bouw();

        assertThat(rule.evaluate(dossier, D)).isEmpty();
    }

    @Test
    @DisplayName("a closed melding makes no MATCH")
    void gesloten_melding() {
        KindDossier dossier = kind()
                .melding("M1", "V3", "K", MELDING, moment(2025, 1, 6))
                .jw301("B1", INGANG, "T1", "REF-1", INGANG, null)
                .bouw();

        assertThat(rule.evaluate(dossier, D)).isEmpty();
    }

    @Test
    @DisplayName("jeugdhulp actief: Ingangsdatum <= D and Einddatum >= D (the day before Ingangsdatum and after Einddatum: no)")
    void toewijzing_datumgrenzen() {
        LocalDate eind = LocalDate.of(2025, 3, 31);
        KindDossier dossier = kind()
                .melding("M1", "V3", MELDING)
                .jw301("B1", INGANG.minusDays(5), "T1", "REF-1", INGANG, eind)
                .bouw();

        assertThat(rule.evaluate(dossier, INGANG.minusDays(1))).isEmpty();
        assertThat(rule.evaluate(dossier, INGANG)).isPresent();
        assertThat(rule.evaluate(dossier, eind)).isPresent();
        assertThat(rule.evaluate(dossier, eind.plusDays(1))).isEmpty();
    }

    @Test
    @DisplayName("the newest JW301 of a ToewijzingNummer is current (by Dagtekening), whatever the list order")
    void nieuwste_jw301_telt() {
        KindDossier beeindigd = kind()
                .melding("M1", "V3", MELDING)
                .jw301("B2", LocalDate.of(2025, 2, 20), "T1", "REF-1", INGANG, LocalDate.of(2025, 2, 28))
                .jw301("B1", INGANG, "T1", "REF-1", INGANG, null)
                .bouw();

        assertThat(rule.evaluate(beeindigd, D)).isEmpty();
    }

    @Test
    @DisplayName("on the same Dagtekening the higher BerichtIdentificatie is current, compared as a number (100 after 99)")
    void zelfde_dagtekening_hoogste_bericht() {
        KindDossier dossier = kind()
                .melding("M1", "V3", MELDING)
                .jw301("100", INGANG, "T1", "REF-1", INGANG, null)
                .jw301("99", INGANG, "T1", "REF-1", INGANG, LocalDate.of(2025, 2, 28))
                .bouw();

        assertThat(rule.evaluate(dossier, D)).isPresent();
    }

    @Test
    @DisplayName("a JW307 with Einddatum before D ends the toewijzing; withdrawn by a later StatusAanlevering 3 it does not")
    void stop_en_intrekking() {
        DossierBuilder gestopt = kind()
                .melding("M1", "V3", MELDING)
                .jw301("B1", INGANG, "T1", "REF-1", INGANG, null)
                .jw307("B2", LocalDate.of(2025, 3, 3), "T1", LocalDate.of(2025, 2, 28), "31");

        assertThat(rule.evaluate(gestopt.bouw(), D)).isEmpty();

        KindDossier ingetrokken = gestopt.jw307Intrekking("B3", LocalDate.of(2025, 3, 5), "T1",
                LocalDate.of(2025, 2, 28), "31").bouw();
        assertThat(rule.evaluate(ingetrokken, D)).isPresent();
    }

    @Test
    @DisplayName("a withdrawal older than the stop does not withdraw it")
    void oudere_intrekking_telt_niet() {
        KindDossier dossier = kind()
                .melding("M1", "V3", MELDING)
                .jw301("B1", INGANG, "T1", "REF-1", INGANG, null)
                .jw307Intrekking("B2", LocalDate.of(2025, 2, 10), "T1", LocalDate.of(2025, 2, 7), "31")
                .jw307("B3", LocalDate.of(2025, 3, 3), "T1", LocalDate.of(2025, 2, 28), "31")
                .bouw();

        assertThat(rule.evaluate(dossier, D)).isEmpty();
    }

    @Test
    @DisplayName("no jeugdhulp at all, or only a JW315 request: no MATCH")
    void geen_jeugdhulp() {
        KindDossier dossier = kind()
                .melding("M1", "V3", MELDING)
                .jw315("B1", INGANG, "REF-1")
                .bouw();

        assertThat(rule.evaluate(dossier, D)).isEmpty();
    }
}

package nl.kindplan.hub.signal;

import static nl.kindplan.hub.signal.DossierBuilder.kind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;

import nl.kindplan.hub.domain.KindDossier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ZORG_GESTOPT_BIJ_VERZUIM: a JW307 with RedenBeeindiging 32/33/36 and Einddatum in [D-90, D], "
        + "no jeugdhulp actief, and an open melding")
class ZorgGestoptBijVerzuimRuleTest {

    private static final LocalDate INGANG = LocalDate.of(2024, 9, 2);
    private static final LocalDate STOP = LocalDate.of(2025, 1, 10);
    private static final LocalDate MELDING = LocalDate.of(2024, 12, 2);

    private final ZorgGestoptBijVerzuimRule rule = new ZorgGestoptBijVerzuimRule(SignalSettings.defaults());

    private static DossierBuilder gestopt(String reden) {
        return kind()
                .melding("M1", "V3", MELDING)
                .jw301("B1", INGANG.minusDays(10), "T1", "REF-1", INGANG, null)
                .jw307("B2", STOP.plusDays(2), "T1", STOP, reden);
    }

    @Test
    @DisplayName("on the JW307's Einddatum care is still active; the day after: SIGNAAL since the Einddatum")
    void dag_na_einddatum() {
        KindDossier dossier = gestopt("32").bouw();

        assertThat(rule.evaluate(dossier, STOP)).isEmpty();

        SignalHit hit = rule.evaluate(dossier, STOP.plusDays(1)).orElseThrow();
        assertThat(hit.signal()).isEqualTo(SignalCode.ZORG_GESTOPT_BIJ_VERZUIM);
        assertThat(hit.severity()).isEqualTo(Severity.SIGNAAL);
        assertThat(hit.since()).isEqualTo(STOP);
        assertThat(hit.gronden()).extracting(Grond::soort, Grond::id)
                .containsExactlyInAnyOrder(tuple(Grond.Soort.JEUGDHULP, "T1"), tuple(Grond.Soort.MELDING, "M1"));
    }

    @Test
    @DisplayName("window lower end: Einddatum = D - 90 holds, D - 91 no longer")
    void venster_onderkant() {
        KindDossier dossier = gestopt("33").bouw();

        assertThat(rule.evaluate(dossier, STOP.plusDays(90))).isPresent();
        assertThat(rule.evaluate(dossier, STOP.plusDays(91))).isEmpty();
    }

    @Test
    @DisplayName("window upper end: a stop whose toewijzing is not stored holds on its Einddatum = D, not the day before")
    void venster_bovenkant() {
        KindDossier dossier = kind()
                .melding("M1", "V3", MELDING)
                .jw307("B2", STOP.minusDays(3), "T9", STOP, "36")
                .bouw();

        assertThat(rule.evaluate(dossier, STOP.minusDays(1))).isEmpty();
        assertThat(rule.evaluate(dossier, STOP)).map(SignalHit::since).contains(STOP);
    }

    @ParameterizedTest(name = "RedenBeeindiging {0} counts")
    @ValueSource(strings = {"32", "33", "36"})
    @DisplayName("RedenBeeindiging 32, 33 and 36 count")
    void redenen_die_tellen(String reden) {
        assertThat(rule.evaluate(gestopt(reden).bouw(), STOP.plusDays(5))).isPresent();
    }

    @ParameterizedTest(name = "RedenBeeindiging {0} does not count")
    @ValueSource(strings = {"31", "34", "35", "38"})
    @DisplayName("other redenen (e.g. 31 volgens plan) do not count")
    void andere_redenen(String reden) {
        assertThat(rule.evaluate(gestopt(reden).bouw(), STOP.plusDays(5))).isEmpty();
    }

    @Test
    @DisplayName("a withdrawn JW307 (a later line with StatusAanlevering 3) is no stop: care is active again")
    void ingetrokken_stop() {
        KindDossier dossier = gestopt("32")
                .jw307Intrekking("B3", STOP.plusDays(4), "T1", STOP, "32")
                .bouw();

        assertThat(rule.evaluate(dossier, STOP.plusDays(5))).isEmpty();
    }

    @Test
    @DisplayName("a stop sent again after its withdrawal counts")
    void opnieuw_gestopt_na_intrekking() {
        LocalDate nieuweStop = STOP.plusDays(7);
        KindDossier dossier = gestopt("32")
                .jw307Intrekking("B3", STOP.plusDays(4), "T1", STOP, "32")
                .jw307("B4", nieuweStop.plusDays(1), "T1", nieuweStop, "33")
                .bouw();

        assertThat(rule.evaluate(dossier, STOP.plusDays(5))).isEmpty();
        assertThat(rule.evaluate(dossier, nieuweStop.plusDays(1))).map(SignalHit::since).contains(nieuweStop);
    }

    @Test
    @DisplayName("another toewijzing still active: no signal")
    void andere_jeugdhulp_actief() {
        KindDossier dossier = gestopt("32")
                .jw301("B5", STOP, "T2", "REF-2", STOP.plusDays(1), null)
                .bouw();

        assertThat(rule.evaluate(dossier, STOP.plusDays(1))).isEmpty();
        assertThat(rule.evaluate(dossier, STOP.plusDays(5))).isEmpty();
    }

    @Test
    @DisplayName("of several stops in the window the latest Einddatum gives since")
    void laatste_stop() {
        LocalDate tweede = STOP.plusDays(20);
        KindDossier dossier = gestopt("32")
                .jw301("B5", INGANG, "T2", "REF-2", INGANG, null)
                .jw307("B6", tweede, "T2", tweede, "36")
                .bouw();

        SignalHit hit = rule.evaluate(dossier, tweede.plusDays(1)).orElseThrow();

        assertThat(hit.since()).isEqualTo(tweede);
        assertThat(hit.gronden()).extracting(Grond::id).contains("T1", "T2");
    }

    @Test
    @DisplayName("no open melding (or only luxe verzuim): no signal")
    void open_melding_nodig() {
        KindDossier luxe = kind()
                .melding("M1", "L", MELDING)
                .jw301("B1", INGANG, "T1", "REF-1", INGANG, null)
                .jw307("B2", STOP, "T1", STOP, "32")
                .bouw();
        KindDossier zonder = kind()
                .jw301("B1", INGANG, "T1", "REF-1", INGANG, null)
                .jw307("B2", STOP, "T1", STOP, "32")
                .bouw();

        assertThat(rule.evaluate(luxe, STOP.plusDays(5))).isEmpty();
        assertThat(rule.evaluate(zonder, STOP.plusDays(5))).isEmpty();
    }
}

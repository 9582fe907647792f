package nl.kindplan.hub.signal;

import static nl.kindplan.hub.signal.DossierBuilder.kind;
import static nl.kindplan.hub.signal.DossierBuilder.moment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;

import nl.kindplan.hub.domain.KindDossier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ZORG_NIET_TOEGEWEZEN: a JW315 no stored JW301 answers, more than 5 working days after its Dagtekening, "
        + "and an open melding")
class ZorgNietToegewezenRuleTest {

    private static final LocalDate MAANDAG = LocalDate.of(2025, 3, 3);
    private static final LocalDate DONDERDAG = LocalDate.of(2025, 3, 6);
    private static final LocalDate ZATERDAG = LocalDate.of(2025, 3, 8);
    private static final LocalDate MELDING = LocalDate.of(2025, 2, 3);

    private final ZorgNietToegewezenRule rule = new ZorgNietToegewezenRule(SignalSettings.defaults());

    private static KindDossier verzoek(LocalDate dagtekening) {
        return kind().melding("M1", "V3", MELDING).jw315("B1", dagtekening, "REF-1").bouw();
    }

    @Test
    @DisplayName("JW315 on a Monday: on the 5th working day (next Monday) nothing, on the 6th (Tuesday) SIGNAAL since that day")
    void zesde_werkdag() {
        assertThat(rule.evaluate(verzoek(MAANDAG), LocalDate.of(2025, 3, 10))).isEmpty();

        SignalHit hit = rule.evaluate(verzoek(MAANDAG), LocalDate.of(2025, 3, 11)).orElseThrow();

        assertThat(hit.signal()).isEqualTo(SignalCode.ZORG_NIET_TOEGEWEZEN);
        assertThat(hit.severity()).isEqualTo(Severity.SIGNAAL);
        assertThat(hit.since()).isEqualTo(LocalDate.of(2025, 3, 11));
        assertThat(hit.gronden()).extracting(Grond::soort, Grond::id)
                .containsExactlyInAnyOrder(tuple(Grond.Soort.JEUGDHULP, "REF-1"), tuple(Grond.Soort.MELDING, "M1"));
    }

    @Test
    @DisplayName("over a weekend: JW315 on a Thursday holds from the Friday of the next week, not the Thursday")
    void over_het_weekend() {
        assertThat(rule.evaluate(verzoek(DONDERDAG), LocalDate.of(2025, 3, 13))).isEmpty();
        assertThat(rule.evaluate(verzoek(DONDERDAG), LocalDate.of(2025, 3, 14))).map(SignalHit::since)
                .contains(LocalDate.of(2025, 3, 14));
    }

    @Test
    @DisplayName("D on a weekend after the 6th working day: holds, since stays the 6th working day")
    void d_in_het_weekend() {
        assertThat(rule.evaluate(verzoek(DONDERDAG), LocalDate.of(2025, 3, 16))).map(SignalHit::since)
                .contains(LocalDate.of(2025, 3, 14));
    }

    @Test
    @DisplayName("a Dagtekening on a Saturday: the Monday after is working day 1, so the Sunday after five counts nothing")
    void dagtekening_op_zaterdag() {
        assertThat(rule.evaluate(verzoek(ZATERDAG), LocalDate.of(2025, 3, 16))).isEmpty();
        assertThat(rule.evaluate(verzoek(ZATERDAG), LocalDate.of(2025, 3, 17))).map(SignalHit::since)
                .contains(LocalDate.of(2025, 3, 17));
    }

    @Test
    @DisplayName("answered: a JW301 of the same child with the same ReferentieAanbieder, whatever its dates")
    void beantwoord_door_jw301() {
        KindDossier dossier = kind()
                .melding("M1", "V3", MELDING)
                .jw315("B1", MAANDAG, "REF-1")
                .jw301("B2", LocalDate.of(2025, 3, 20), "T1", "REF-1", LocalDate.of(2025, 4, 1), null)
                .bouw();

        assertThat(rule.evaluate(dossier, LocalDate.of(2025, 3, 12))).isEmpty();
    }

    @Test
    @DisplayName("a JW301 with another ReferentieAanbieder does not answer the request")
    void andere_referentie_beantwoordt_niet() {
        KindDossier dossier = kind()
                .melding("M1", "V3", MELDING)
                .jw315("B1", MAANDAG, "REF-1")
                .jw301("B2", MAANDAG, "T1", "REF-OTHER", MAANDAG, null)
                .bouw();

        assertThat(rule.evaluate(dossier, LocalDate.of(2025, 3, 12))).isPresent();
    }

    @Test
    @DisplayName("of two open requests the oldest gives since; an answered one is no ground")
    void oudste_onbeantwoorde_verzoek() {
        KindDossier dossier = kind()
                .melding("M1", "V3", MELDING)
                .jw315("B1", LocalDate.of(2025, 2, 17), "REF-A")
                .jw315("B2", MAANDAG, "REF-B")
                .jw315("B3", LocalDate.of(2025, 2, 10), "REF-C")
                .jw301("B4", LocalDate.of(2025, 2, 12), "T1", "REF-C", LocalDate.of(2025, 2, 12), null)
                .bouw();

        SignalHit hit = rule.evaluate(dossier, LocalDate.of(2025, 3, 12)).orElseThrow();

        assertThat(hit.since()).isEqualTo(LocalDate.of(2025, 2, 25));
        assertThat(hit.gronden()).extracting(Grond::id).containsExactlyInAnyOrder("REF-A", "REF-B", "M1");
    }

    @Test
    @DisplayName("no open melding: no signal; luxe verzuim and a closed melding do not count as open")
    void open_melding_nodig() {
        LocalDate d = LocalDate.of(2025, 3, 12);
        KindDossier zonder = kind().jw315("B1", MAANDAG, "REF-1").bouw();
        KindDossier luxe = kind().melding("M1", "L", MELDING).jw315("B1", MAANDAG, "REF-1").bouw();
        KindDossier gesloten = kind().melding("M1", "V3", "G", MELDING, moment(2025, 2, 20))
                .jw315("B1", MAANDAG, "REF-1").bouw();

        assertThat(rule.evaluate(zonder, d)).isEmpty();
        assertThat(rule.evaluate(luxe, d)).isEmpty();
        assertThat(rule.evaluate(gesloten, d)).isEmpty();
    }

    @Test
    @DisplayName("any open melding counts, of any soort but luxe (here O)")
    void elke_open_melding() {
        KindDossier dossier = kind().melding("M1", "O", MELDING).jw315("B1", MAANDAG, "REF-1").bouw();

        assertThat(rule.evaluate(dossier, LocalDate.of(2025, 3, 12))).isPresent();
    }
}

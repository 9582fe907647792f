package nl.kindplan.hub.signal;

import static nl.kindplan.hub.signal.DossierBuilder.kind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import nl.kindplan.hub.domain.KindDossier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A child can carry several signals at once; each is its own case")
class SignalEvaluatorTest {

    private static final LocalDate D = LocalDate.of(2025, 3, 12);

    private final SignalEvaluator evaluator = new SignalEvaluator(SignalSettings.defaults());

    @Test
    @DisplayName("ingeschreven thuiszitter in care with an unanswered request: THUISZITTER, ZORG_NIET_TOEGEWEZEN and MATCH")
    void thuiszitter_in_zorg() {
        KindDossier dossier = kind()
                .inschrijving("R1", LocalDate.of(2024, 8, 26), null)
                .melding("M1", "LRV", LocalDate.of(2024, 11, 4))
                .jw301("B1", LocalDate.of(2025, 1, 3), "T1", "REF-1", LocalDate.of(2025, 1, 6), null)
                .jw315("B2", LocalDate.of(2025, 2, 24), "REF-2")
                .bouw();

        List<SignalHit> hits = evaluator.evaluate(dossier, D);

        assertThat(hits).extracting(SignalHit::signal, SignalHit::severity, SignalHit::since).containsExactly(
                tuple(SignalCode.THUISZITTER, Severity.ESCALATIE, LocalDate.of(2024, 11, 4)),
                tuple(SignalCode.ZORG_NIET_TOEGEWEZEN, Severity.SIGNAAL, LocalDate.of(2025, 3, 4)),
                tuple(SignalCode.MATCH, Severity.INFO, LocalDate.of(2025, 1, 6)));
    }

    @Test
    @DisplayName("uitgeschreven child whose care stopped early while absent: ABSOLUUT_VERZUIM and ZORG_GESTOPT_BIJ_VERZUIM")
    void uitgeschreven_en_zorg_gestopt() {
        KindDossier dossier = kind()
                .inschrijving("R1", LocalDate.of(2023, 8, 28), LocalDate.of(2025, 1, 31))
                .melding("M1", "V3", LocalDate.of(2025, 1, 6))
                .jw301("B1", LocalDate.of(2024, 9, 2), "T1", "REF-1", LocalDate.of(2024, 9, 2), null)
                .jw307("B2", LocalDate.of(2025, 2, 14), "T1", LocalDate.of(2025, 2, 14), "32")
                .bouw();

        assertThat(evaluator.evaluate(dossier, D)).extracting(SignalHit::signal, SignalHit::since).containsExactly(
                tuple(SignalCode.ABSOLUUT_VERZUIM, LocalDate.of(2025, 2, 1)),
                tuple(SignalCode.ZORG_GESTOPT_BIJ_VERZUIM, LocalDate.of(2025, 2, 14)));
    }

    @Test
    @DisplayName("a child at school without meldingen or care carries no signal")
    void niets_aan_de_hand() {
        KindDossier dossier = kind().inschrijving("R1", LocalDate.of(2024, 8, 26), null).bouw();

        assertThat(evaluator.evaluate(dossier, D)).isEmpty();
    }

    @Test
    @DisplayName("the same record and date always give the same answer (a replay)")
    void herhaalbaar() {
        KindDossier dossier = kind()
                .melding("M1", "V3", LocalDate.of(2025, 1, 6))
                .jw315("B2", LocalDate.of(2025, 2, 24), "REF-2")
                .bouw();

        assertThat(evaluator.evaluate(dossier, D)).isEqualTo(evaluator.evaluate(dossier, D)).hasSize(2);
    }
}

package nl.kindplan.hub.signal;

import static nl.kindplan.hub.signal.DossierBuilder.kind;
import static nl.kindplan.hub.signal.DossierBuilder.moment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;

import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.domain.Verzuimmelding;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The terms of signals.md")
class KindOpDatumTest {

    private static final LocalDate D = LocalDate.of(2025, 3, 12);

    private static KindOpDatum op(KindDossier dossier, LocalDate dag) {
        return new KindOpDatum(dossier, dag, SignalSettings.defaults());
    }

    @Test
    @DisplayName("age(D): whole years; the birthday itself adds the year")
    void leeftijd() {
        KindDossier dossier = kind(LocalDate.of(2020, 3, 12)).bouw();

        assertThat(op(dossier, LocalDate.of(2025, 3, 11)).leeftijd()).hasValue(4);
        assertThat(op(dossier, LocalDate.of(2025, 3, 12)).leeftijd()).hasValue(5);
        assertThat(op(dossier, LocalDate.of(2025, 3, 11)).plichtig()).isFalse();
        assertThat(op(dossier, LocalDate.of(2025, 3, 12)).plichtig()).isTrue();
    }

    @Test
    @DisplayName("open melding: the newest version per meldingsnummer decides, whatever the list order")
    void nieuwste_versie() {
        KindDossier dossier = kind()
                .melding("M1", "V3", "G", LocalDate.of(2025, 1, 6), moment(2025, 2, 20))
                .melding("M1", "V3", "R", LocalDate.of(2025, 1, 6), moment(2025, 1, 7))
                .melding("M1", "V3", "B", LocalDate.of(2025, 1, 6), moment(2025, 1, 20))
                .melding("M2", "V4", "R", LocalDate.of(2025, 1, 6), moment(2025, 1, 7))
                .melding("M2", "V4", "B", LocalDate.of(2025, 1, 6), moment(2025, 1, 20))
                .bouw();

        KindOpDatum kind = op(dossier, D);

        assertThat(kind.meldingen()).extracting(Verzuimmelding::meldingsnummer, Verzuimmelding::status)
                .containsExactlyInAnyOrder(
                        tuple("M1", "G"),
                        tuple("M2", "B"));
        assertThat(kind.openMeldingen()).extracting(Verzuimmelding::meldingsnummer).containsExactly("M2");
    }

    @Test
    @DisplayName("luxe verzuim never counts as an open melding")
    void luxe_verzuim() {
        KindDossier dossier = kind().melding("M1", "L", LocalDate.of(2025, 1, 6)).bouw();

        assertThat(op(dossier, D).openMeldingen()).isEmpty();
        assertThat(op(dossier, D).meldingen()).hasSize(1);
    }

    @Test
    @DisplayName("last registration: of the ended inschrijvingen the latest einddatum; a running one has not ended")
    void laatste_registratie() {
        KindDossier dossier = kind()
                .inschrijving("A", LocalDate.of(2019, 8, 26), LocalDate.of(2023, 7, 7))
                .inschrijving("B", LocalDate.of(2023, 8, 28), LocalDate.of(2025, 1, 31))
                .inschrijving("C", LocalDate.of(2020, 1, 6), LocalDate.of(2021, 1, 1))
                .bouw();

        assertThat(op(dossier, D).laatsteRegistratie()).map(r -> r.regelId()).contains("B");
        assertThat(op(dossier, LocalDate.of(2025, 1, 31)).laatsteRegistratie()).map(r -> r.regelId()).contains("A");
    }

    @Test
    @DisplayName("vrijgesteld on D with the same date test as an inschrijving; a vrijstelling is no inschrijving")
    void vrijgesteld() {
        KindDossier dossier = kind().vrijstelling("V1", LocalDate.of(2024, 8, 1), D).bouw();

        assertThat(op(dossier, D).vrijgesteld()).isTrue();
        assertThat(op(dossier, D).ingeschreven()).isFalse();
        assertThat(op(dossier, D.plusDays(1)).vrijgesteld()).isFalse();
    }

    @Test
    @DisplayName("working days: the 6th working day after a Friday is the Monday a week later")
    void werkdagen() {
        LocalDate vrijdag = LocalDate.of(2025, 3, 7);

        assertThat(Werkdagen.werkdagNa(vrijdag, 1)).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(Werkdagen.werkdagNa(vrijdag, 5)).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(Werkdagen.werkdagNa(vrijdag, 6)).isEqualTo(LocalDate.of(2025, 3, 17));
        assertThat(Werkdagen.isWerkdag(LocalDate.of(2025, 3, 15))).isFalse();
    }
}

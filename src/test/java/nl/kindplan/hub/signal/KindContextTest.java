package nl.kindplan.hub.signal;

import static nl.kindplan.hub.signal.DossierBuilder.kind;
import static nl.kindplan.hub.signal.DossierBuilder.moment;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.domain.Registratie;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The child's gemeente and school registration, for routing")
class KindContextTest {

    private static final LocalDate D = LocalDate.of(2025, 3, 12);

    @Test
    @DisplayName("gemeente: the gemeentecode of the registration with the latest begindatum")
    void gemeente_uit_registratie() {
        KindDossier dossier = kind()
                .in("0599", "11AA").inschrijving("R2", LocalDate.of(2024, 8, 26), null)
                .in("0363", "22BB").inschrijving("R1", LocalDate.of(2020, 8, 31), LocalDate.of(2024, 7, 5))
                .in("0518", "33CC").melding("M1", "V3", LocalDate.of(2025, 1, 6))
                .bouw();

        assertThat(KindContext.gemeente(dossier)).contains("0599");
    }

    @Test
    @DisplayName("gemeente: deleted registrations and EDEXML registrations (no gemeentecode) are passed over")
    void gemeente_slaat_verwijderd_en_edexml_over() {
        KindDossier dossier = kind()
                .in("0363", "22BB").inschrijving("R1", LocalDate.of(2020, 8, 31), null)
                .in("0599", "11AA").verwijderdeInschrijving("FOUT", LocalDate.of(2024, 8, 26), null)
                .edexml("EDX", LocalDate.of(2024, 9, 1), null)
                .bouw();

        assertThat(KindContext.gemeente(dossier)).contains("0363");
    }

    @Test
    @DisplayName("gemeente: with no registration, of the melding version with the latest laatste_mutatie")
    void gemeente_uit_melding() {
        KindDossier dossier = kind()
                .in("0599", "11AA").melding("M2", "V3", "R", LocalDate.of(2025, 1, 6), moment(2025, 3, 1))
                .in("0363", "22BB").melding("M1", "V3", "G", LocalDate.of(2024, 11, 4), moment(2025, 1, 2))
                .bouw();

        assertThat(KindContext.gemeente(dossier)).contains("0599");
    }

    @Test
    @DisplayName("gemeente: a child known only from iJw messages gets the gemeente of the newest message")
    void gemeente_uit_ijw() {
        KindDossier dossier = kind()
                .in("0344", "11AA").jw315("B1", LocalDate.of(2025, 1, 6), "REF-1")
                .in("0363", "11AA").jw301("B2", LocalDate.of(2025, 2, 3), "T1", "REF-1", LocalDate.of(2025, 2, 3), null)
                .bouw();

        assertThat(KindContext.gemeente(dossier)).contains("0363");
        assertThat(KindContext.gemeente(kind().bouw())).isEmpty();
    }

    @Test
    @DisplayName("school: the current inschrijving")
    void school_huidige_inschrijving() {
        KindDossier dossier = kind()
                .in("0363", "11AA").inschrijving("OUD", LocalDate.of(2020, 8, 31), LocalDate.of(2024, 7, 5))
                .in("0363", "22BB").inschrijving("NU", LocalDate.of(2024, 8, 26), null)
                .bouw();

        assertThat(KindContext.schoolRegistratie(dossier, D)).map(Registratie::regelId).contains("NU");
    }

    @Test
    @DisplayName("school: with no current inschrijving, the most recent one (latest einddatum); deleted ones and vrijstellingen never")
    void school_meest_recente() {
        KindDossier dossier = kind()
                .in("0363", "11AA").inschrijving("EERSTE", LocalDate.of(2018, 8, 27), LocalDate.of(2022, 7, 8))
                .in("0363", "22BB").inschrijving("LAATSTE", LocalDate.of(2022, 8, 29), LocalDate.of(2025, 1, 31))
                .verwijderdeInschrijving("FOUT", LocalDate.of(2024, 8, 26), null)
                .vrijstelling("V1", LocalDate.of(2025, 2, 1), null)
                .bouw();

        assertThat(KindContext.schoolRegistratie(dossier, D)).map(Registratie::regelId).contains("LAATSTE");
        assertThat(KindContext.schoolRegistratie(dossier, D)).map(Registratie::brin).contains("22BB");
    }

    @Test
    @DisplayName("school: only a future inschrijving: that one; none at all: empty")
    void school_toekomstig_of_geen() {
        KindDossier toekomst = kind().inschrijving("LATER", LocalDate.of(2025, 4, 1), null).bouw();

        assertThat(KindContext.schoolRegistratie(toekomst, D)).map(Registratie::regelId).contains("LATER");
        assertThat(KindContext.schoolRegistratie(kind().melding("M1", "V3", D).bouw(), D)).isEmpty();
    }
}

package nl.kindplan.hub.domain;

import java.time.LocalDate;

/**
 * One product line of an iJw message (inputs.md §2): an AangevraagdProduct of a JW315, a
 * ToegewezenProduct of a JW301, a StartProduct of a JW305 or a StopProduct of a JW307.
 * Fields a message type does not carry are null.
 */
public record JeugdhulpRegel(Berichttype berichttype, String berichtIdentificatie, LocalDate dagtekening,
                             String gemeentecode, String aanbieder,
                             String referentieAanbieder, String toewijzingNummer,
                             String productcategorie, String productcode, String verwijzerType,
                             LocalDate toewijzingsdatum, LocalDate ingangsdatum, LocalDate begindatum,
                             LocalDate einddatum, String redenWijziging, String redenBeeindiging,
                             String statusAanlevering, Herkomst herkomst) {

    public enum Berichttype {
        JW315(446), JW301(436), JW305(438), JW307(440);

        private final int berichtCode;

        Berichttype(int berichtCode) {
            this.berichtCode = berichtCode;
        }

        public int berichtCode() {
            return berichtCode;
        }
    }

    /** StatusAanlevering 3: this start or stop withdraws the earlier one. */
    public boolean isIntrekking() {
        return "3".equals(statusAanlevering);
    }
}

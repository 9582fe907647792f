package nl.kindplan.hub.domain;

import java.time.LocalDate;

/**
 * Who a source row is about. At least one of bsn and onderwijsnummer is set (already checked
 * with the 11-proef); a row carrying both links the two numbers to one child.
 */
public record KindIdentiteit(String bsn, String onderwijsnummer, LocalDate geboortedatum,
                             String achternaam, String voorvoegsel, String voornamen) {

    /** The longest achternaam and voornamen the store keeps (V1__store.sql); a reader refuses longer ones. */
    public static final int MAX_NAAM = 200;
    /** The longest voorvoegsel the store keeps. */
    public static final int MAX_VOORVOEGSEL = 50;

    public KindIdentiteit {
        if (bsn == null && onderwijsnummer == null) {
            throw new IllegalArgumentException("een kind heeft een BSN of een onderwijsnummer nodig");
        }
    }

    /** The key the child is known by: the BSN, else the onderwijsnummer. */
    public String sleutel() {
        return bsn != null ? bsn : onderwijsnummer;
    }
}

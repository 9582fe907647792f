package nl.kindplan.hub.ingest.ijw;

import static nl.kindplan.hub.ingest.ijw.Waarden.Eis.OPTIONEEL;
import static nl.kindplan.hub.ingest.ijw.Waarden.Eis.VERPLICHT;

import java.time.LocalDate;
import java.util.List;

import nl.kindplan.hub.domain.Elfproef;
import nl.kindplan.hub.domain.KindIdentiteit;
import nl.kindplan.hub.ingest.UnreadableFileException;

/** The child from a message's {@code Client}: BSN and birth date are required, the name is not. */
final class ClientGegevens {

    static final String BSN = "bsn";
    static final String GEBOORTEDATUM = "geboortedatum";
    static final String ACHTERNAAM = "achternaam";
    static final String VOORVOEGSEL = "voorvoegsel";
    static final String VOORNAMEN = "voornamen";

    static final List<String> VELDEN = List.of(BSN, GEBOORTEDATUM, ACHTERNAAM, VOORVOEGSEL, VOORNAMEN);

    private ClientGegevens() {
    }

    /** @param client the message's values, marked personal so that no value shows in a reason */
    static KindIdentiteit lees(Waarden client) throws UnreadableFileException {
        String bsn = client.tekst(BSN, VERPLICHT);
        if (!Elfproef.isBsn(bsn)) {
            throw new UnreadableFileException(client.context() + ": Bsn " + Elfproef.masker(bsn)
                    + " is geen geldig BSN (9 cijfers die aan de 11-proef voldoen)");
        }
        LocalDate geboortedatum = client.datum(GEBOORTEDATUM, VERPLICHT);
        if (geboortedatum.isAfter(LocalDate.now())) {
            throw new UnreadableFileException(client.context() + ": Geboortedatum ligt in de toekomst");
        }
        return new KindIdentiteit(bsn, null, geboortedatum, naam(client, ACHTERNAAM, "Achternaam", KindIdentiteit.MAX_NAAM),
                naam(client, VOORVOEGSEL, "Voorvoegsel", KindIdentiteit.MAX_VOORVOEGSEL),
                naam(client, VOORNAMEN, "Voornamen", KindIdentiteit.MAX_NAAM));
    }

    /** A name part the store can keep; the reason never shows the name. */
    private static String naam(Waarden client, String veld, String element, int max) throws UnreadableFileException {
        String naam = client.tekst(veld, OPTIONEEL);
        if (naam != null && naam.length() > max) {
            throw new UnreadableFileException(client.context() + ": " + element + " is langer dan " + max
                    + " tekens");
        }
        return naam;
    }
}

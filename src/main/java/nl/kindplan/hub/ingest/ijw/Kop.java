package nl.kindplan.hub.ingest.ijw;

import static nl.kindplan.hub.ingest.ijw.Waarden.Eis.OPTIONEEL;
import static nl.kindplan.hub.ingest.ijw.Waarden.Eis.VERPLICHT;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import nl.kindplan.hub.domain.JeugdhulpRegel.Berichttype;
import nl.kindplan.hub.ingest.UnreadableFileException;

/**
 * The header of a message the hub reads. Gemeente and aanbieder are told apart by form, not by
 * direction: the gemeente has a 4-digit code, the aanbieder an 8-digit AGB code.
 */
record Kop(Berichttype type, String identificatie, LocalDate dagtekening, String gemeentecode, String aanbieder) {

    static final String BERICHT_CODE = "berichtCode";
    static final String BERICHT_VERSIE = "berichtVersie";
    static final String BERICHT_SUBVERSIE = "berichtSubversie";
    static final String AFZENDER = "afzender";
    static final String ONTVANGER = "ontvanger";
    static final String IDENTIFICATIE = "berichtIdentificatie";
    static final String DAGTEKENING = "dagtekening";

    static final List<String> VELDEN = List.of(BERICHT_CODE, BERICHT_VERSIE, BERICHT_SUBVERSIE, AFZENDER,
            ONTVANGER, IDENTIFICATIE, DAGTEKENING);

    private static final Pattern GEMEENTE = Pattern.compile("[0-9]{4}");
    private static final Pattern AGB = Pattern.compile("[0-9]{8}");
    private static final Pattern IDENTIFICATIE_VORM = Pattern.compile(".{1,12}");

    static Kop lees(Berichttype type, Waarden header) throws UnreadableFileException {
        String code = header.tekst(BERICHT_CODE, VERPLICHT);
        if (!String.valueOf(type.berichtCode()).equals(code)) {
            throw new UnreadableFileException(header.context() + ": BerichtCode " + code + " hoort niet bij "
                    + type + " (verwacht " + type.berichtCode() + ")");
        }
        versie(header, BERICHT_VERSIE, "BerichtVersie", "3");
        versie(header, BERICHT_SUBVERSIE, "BerichtSubversie", "2");
        String id = header.patroon(IDENTIFICATIE, VERPLICHT, IDENTIFICATIE_VORM, "geldige identificatie (1 tot 12 tekens)");
        LocalDate dagtekening = header.datum(DAGTEKENING, VERPLICHT);
        String afzender = header.tekst(AFZENDER, VERPLICHT);
        String ontvanger = header.tekst(ONTVANGER, VERPLICHT);
        if (GEMEENTE.matcher(afzender).matches() && AGB.matcher(ontvanger).matches()) {
            return new Kop(type, id, dagtekening, afzender, ontvanger);
        }
        if (AGB.matcher(afzender).matches() && GEMEENTE.matcher(ontvanger).matches()) {
            return new Kop(type, id, dagtekening, ontvanger, afzender);
        }
        throw new UnreadableFileException(header.context() + ": Afzender '" + afzender + "' en Ontvanger '" + ontvanger
                + "' zijn niet een gemeentecode van 4 cijfers en een AGB-code van 8 cijfers");
    }

    /** BerichtVersie/BerichtSubversie, when there, must be those of iJw 3.2. */
    private static void versie(Waarden header, String veld, String element, String verwacht)
            throws UnreadableFileException {
        String waarde = header.tekst(veld, OPTIONEEL);
        if (waarde != null && !waarde.equals(verwacht)) {
            throw new UnreadableFileException(header.context() + ": " + element + " " + waarde
                    + " hoort niet bij iJw 3.2 (verwacht " + verwacht + ")");
        }
    }
}

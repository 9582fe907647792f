package nl.kindplan.hub.ingest.ijw;

import static nl.kindplan.hub.ingest.ijw.Waarden.Eis.IN_OUDER;
import static nl.kindplan.hub.ingest.ijw.Waarden.Eis.OPTIONEEL;
import static nl.kindplan.hub.ingest.ijw.Waarden.Eis.VERPLICHT;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import nl.kindplan.hub.domain.Herkomst;
import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.JeugdhulpRegel.Berichttype;
import nl.kindplan.hub.ingest.UnreadableFileException;
import nl.kindplan.hub.mapping.CodeTable;
import nl.kindplan.hub.mapping.Mappings;

/**
 * Turns one product element into a {@link JeugdhulpRegel}, per message type reading what
 * inputs.md §2 lists. What is required follows the XSDs of iJw 3.2 (minOccurs): e.g. a
 * ToewijzingNummer is required in a JW301 but optional in a JW305 and JW307, and Product is optional
 * everywhere but, when there, must carry its Categorie. A JW315 also gives its requested
 * ToewijzingEinddatum as einddatum: the standard's own example has the impossible 2027-06-31 there.
 */
final class ProductRegels {

    static final String REFERENTIE_AANBIEDER = "referentieAanbieder";
    static final String TOEWIJZING_NUMMER = "toewijzingNummer";
    static final String PRODUCTCATEGORIE = "productcategorie";
    static final String PRODUCTCODE = "productcode";
    static final String VERWIJZER_TYPE = "verwijzerType";
    static final String TOEWIJZINGSDATUM = "toewijzingsdatum";
    static final String INGANGSDATUM = "ingangsdatum";
    static final String BEGINDATUM = "begindatum";
    static final String EINDDATUM = "einddatum";
    static final String REDEN_WIJZIGING = "redenWijziging";
    static final String REDEN_BEEINDIGING = "redenBeeindiging";
    static final String STATUS_AANLEVERING = "statusAanlevering";

    /** The fields each type reads: the scan keeps exactly these. */
    private static final Map<Berichttype, List<String>> VELDEN = Map.of(
            Berichttype.JW315, List.of(REFERENTIE_AANBIEDER, PRODUCTCATEGORIE, PRODUCTCODE, INGANGSDATUM, EINDDATUM,
                    VERWIJZER_TYPE),
            Berichttype.JW301, List.of(TOEWIJZING_NUMMER, REFERENTIE_AANBIEDER, PRODUCTCATEGORIE, PRODUCTCODE,
                    TOEWIJZINGSDATUM, INGANGSDATUM, EINDDATUM, REDEN_WIJZIGING),
            Berichttype.JW305, List.of(TOEWIJZING_NUMMER, PRODUCTCATEGORIE, PRODUCTCODE, BEGINDATUM, STATUS_AANLEVERING),
            Berichttype.JW307, List.of(TOEWIJZING_NUMMER, PRODUCTCATEGORIE, PRODUCTCODE, BEGINDATUM, EINDDATUM,
                    REDEN_BEEINDIGING, STATUS_AANLEVERING));

    // Value spaces of the basisschema's LDT_ types.
    private static final Pattern NUMMER = Pattern.compile("[0-9]{1,9}");
    private static final Pattern REFERENTIE = Pattern.compile(".{1,36}");
    private static final String REFERENTIE_VORM = "geldige referentie (hoogstens 36 tekens, LDT_Referentie)";
    private static final Pattern PRODUCTCODE_VORM = Pattern.compile(".{1,5}");
    private static final Pattern REDEN_WIJZIGING_CODE = Pattern.compile("0[1-9]|1[0-4]");
    private static final Pattern STATUS = Pattern.compile("[1239]");

    private final CodeTable productcategorie;
    private final CodeTable redenBeeindiging;
    private final CodeTable verwijzer;

    ProductRegels(Mappings mappings) {
        this.productcategorie = mappings.codeTable(Mappings.PRODUCTCATEGORIE);
        this.redenBeeindiging = mappings.codeTable(Mappings.REDEN_BEEINDIGING);
        this.verwijzer = mappings.codeTable(Mappings.VERWIJZER);
    }

    static List<String> velden(Berichttype type) {
        return VELDEN.get(type);
    }

    JeugdhulpRegel regel(Kop kop, Waarden p, Herkomst herkomst) throws UnreadableFileException {
        String categorie = p.code(PRODUCTCATEGORIE, IN_OUDER, productcategorie);
        String code = p.patroon(PRODUCTCODE, OPTIONEEL, PRODUCTCODE_VORM, "geldige productcode (1 tot 5 tekens)");
        return switch (kop.type()) {
            case JW315 -> new JeugdhulpRegel(kop.type(), kop.identificatie(), kop.dagtekening(), kop.gemeentecode(),
                    kop.aanbieder(),
                    p.patroon(REFERENTIE_AANBIEDER, VERPLICHT, REFERENTIE, REFERENTIE_VORM),
                    null, categorie, code,
                    p.code(VERWIJZER_TYPE, VERPLICHT, verwijzer),
                    null, p.datum(INGANGSDATUM, VERPLICHT), null, p.datum(EINDDATUM, OPTIONEEL),
                    null, null, null, herkomst);
            case JW301 -> new JeugdhulpRegel(kop.type(), kop.identificatie(), kop.dagtekening(), kop.gemeentecode(),
                    kop.aanbieder(),
                    p.patroon(REFERENTIE_AANBIEDER, OPTIONEEL, REFERENTIE, REFERENTIE_VORM),
                    p.patroon(TOEWIJZING_NUMMER, VERPLICHT, NUMMER, "geldig nummer (1 tot 9 cijfers)"),
                    categorie, code, null,
                    p.datum(TOEWIJZINGSDATUM, VERPLICHT), p.datum(INGANGSDATUM, VERPLICHT), null,
                    p.datum(EINDDATUM, OPTIONEEL),
                    p.patroon(REDEN_WIJZIGING, OPTIONEEL, REDEN_WIJZIGING_CODE, "geldige RedenWijziging (01 tot en met 14)"),
                    null, null, herkomst);
            case JW305 -> new JeugdhulpRegel(kop.type(), kop.identificatie(), kop.dagtekening(), kop.gemeentecode(),
                    kop.aanbieder(), null,
                    p.patroon(TOEWIJZING_NUMMER, OPTIONEEL, NUMMER, "geldig nummer (1 tot 9 cijfers)"),
                    categorie, code, null, null, null, p.datum(BEGINDATUM, VERPLICHT), null, null, null,
                    p.patroon(STATUS_AANLEVERING, VERPLICHT, STATUS, "geldige StatusAanlevering (1, 2, 3 of 9)"),
                    herkomst);
            case JW307 -> new JeugdhulpRegel(kop.type(), kop.identificatie(), kop.dagtekening(), kop.gemeentecode(),
                    kop.aanbieder(), null,
                    p.patroon(TOEWIJZING_NUMMER, OPTIONEEL, NUMMER, "geldig nummer (1 tot 9 cijfers)"),
                    categorie, code, null, null, null, p.datum(BEGINDATUM, VERPLICHT), p.datum(EINDDATUM, VERPLICHT),
                    null, p.code(REDEN_BEEINDIGING, VERPLICHT, redenBeeindiging),
                    p.patroon(STATUS_AANLEVERING, VERPLICHT, STATUS, "geldige StatusAanlevering (1, 2, 3 of 9)"),
                    herkomst);
        };
    }
}

package nl.kindplan.hub.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import nl.kindplan.hub.bench.BenchKind.Traject;

/**
 * iJw 3.2 messages as the standard delivers them, one message with one product per file
 * ({@code <type>-<identificatie>.xml}), in the structure of the demo's {@code IjwMessageFiles}:
 * JW315 request, JW301 toewijzing, JW305 start, JW307 stop. Written one at a time; nothing is kept.
 */
final class IjwFiles {

    private static final String BASIS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";

    enum Type {
        JW315("446"), JW301("436"), JW305("438"), JW307("440");

        final String code;

        Type(String code) {
            this.code = code;
        }

        String prefix() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Path folder;
    private final Tally tally;
    private final long firstIdentificatie;
    private long written;

    /** Identificaties count up from {@code firstIdentificatie}; each night has its own range. */
    IjwFiles(Path folder, Tally tally, long firstIdentificatie) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.tally = tally;
        this.firstIdentificatie = firstIdentificatie;
    }

    void write(Type type, BenchKind k, Traject t, LocalDate dagtekening) throws IOException {
        write(type, k, t, dagtekening, false);
    }

    /** With {@code cutOff}, the file ends halfway (not well-formed): a bad file, refused whole. */
    void write(Type type, BenchKind k, Traject t, LocalDate dagtekening, boolean cutOff) throws IOException {
        String id = String.format("%012d", firstIdentificatie + written++);
        String xml = message(type, k, t, dagtekening, id);
        if (cutOff) {
            xml = xml.substring(0, xml.length() / 2);
        }
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        Files.write(folder.resolve(type.prefix() + "-" + id + ".xml"), bytes);
        tally.file("ijw", 1, bytes.length);
    }

    private static String message(Type type, BenchKind k, Traject t, LocalDate dagtekening, String id) {
        String p = type.prefix();
        boolean vanGemeente = type == Type.JW301;
        StringBuilder x = new StringBuilder(2048);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append('<').append(p).append(":Bericht xmlns:").append(p).append("=\"http://www.istandaarden.nl/ijw/3_2/")
                .append(p).append("/schema\" xmlns:ijw=\"").append(BASIS).append("\">\n");
        open(x, p, "Header");
        leaf(x, p, "BerichtCode", type.code);
        leaf(x, p, "BerichtVersie", "3");
        leaf(x, p, "BerichtSubversie", "2");
        leaf(x, p, "Afzender", vanGemeente ? k.gemeentecode : t.aanbieder());
        leaf(x, p, "Ontvanger", vanGemeente ? t.aanbieder() : k.gemeentecode);
        open(x, p, "BerichtIdentificatie");
        leaf(x, "ijw", "Identificatie", id);
        leaf(x, "ijw", "Dagtekening", dagtekening);
        close(x, p, "BerichtIdentificatie");
        open(x, p, "XsdVersie");
        leaf(x, "ijw", "BasisschemaXsdVersie", "1.0.0");
        leaf(x, "ijw", "BerichtXsdVersie", "1.0.0");
        close(x, p, "XsdVersie");
        close(x, p, "Header");

        open(x, p, "Client");
        leaf(x, p, "Bsn", k.bsn);
        open(x, p, "Geboortedatum");
        leaf(x, "ijw", "Datum", k.geboortedatum);
        close(x, p, "Geboortedatum");
        leaf(x, p, "Geslacht", k.geslacht);
        open(x, p, "Naam");
        open(x, "ijw", "Geslachtsnaam");
        leaf(x, "ijw", "Achternaam", k.achternaam);
        leaf(x, "ijw", "Voorvoegsel", k.voorvoegsel.isEmpty() ? null : k.voorvoegsel);
        close(x, "ijw", "Geslachtsnaam");
        leaf(x, "ijw", "Voornamen", k.voornamen);
        leaf(x, "ijw", "Voorletters", k.voornamen.substring(0, 1));
        if (vanGemeente) {
            leaf(x, "ijw", "NaamGebruik", "1");
        }
        close(x, p, "Naam");
        switch (type) {
            case JW315 -> {
                open(x, p, "AangevraagdeProducten");
                open(x, p, "AangevraagdProduct");
                leaf(x, p, "ReferentieAanbieder", t.referentie() == null ? "REF-" + k.nr : t.referentie());
                product(x, p, t);
                leaf(x, p, "ToewijzingIngangsdatum", t.ingang());
                leaf(x, p, "ToewijzingEinddatum", t.ingang().plusDays(364));
                open(x, p, "Verwijzer");
                leaf(x, "ijw", "Type", t.verwijzer());
                close(x, p, "Verwijzer");
                close(x, p, "AangevraagdProduct");
                close(x, p, "AangevraagdeProducten");
            }
            case JW301 -> {
                open(x, p, "Contactgegevens");
                open(x, p, "Contact");
                leaf(x, p, "Soort", "01");
                open(x, p, "Adres");
                open(x, "ijw", "Huis");
                leaf(x, "ijw", "Huisnummer", 1 + k.nr % 250);
                close(x, "ijw", "Huis");
                leaf(x, "ijw", "Postcode", k.postcode);
                leaf(x, "ijw", "Straatnaam", "Schoolstraat");
                leaf(x, "ijw", "Plaatsnaam", "Benchstad");
                leaf(x, "ijw", "LandCode", "NL");
                close(x, p, "Adres");
                close(x, p, "Contact");
                close(x, p, "Contactgegevens");
                open(x, p, "ToegewezenProducten");
                open(x, p, "ToegewezenProduct");
                leaf(x, p, "ToewijzingNummer", t.toewijzingNummer());
                leaf(x, p, "ReferentieAanbieder", t.referentie());
                product(x, p, t);
                leaf(x, p, "Toewijzingsdatum", t.toewijzingsdatum());
                leaf(x, p, "Toewijzingstijd", "09:00:00");
                leaf(x, p, "Ingangsdatum", t.ingang());
                leaf(x, p, "Einddatum", t.einde());
                close(x, p, "ToegewezenProduct");
                close(x, p, "ToegewezenProducten");
            }
            case JW305 -> {
                open(x, p, "StartProducten");
                open(x, p, "StartProduct");
                leaf(x, p, "ToewijzingNummer", t.toewijzingNummer());
                product(x, p, t);
                leaf(x, p, "ToewijzingIngangsdatum", t.ingang());
                leaf(x, p, "Begindatum", t.startBegin());
                leaf(x, p, "StatusAanlevering", "1");
                close(x, p, "StartProduct");
                close(x, p, "StartProducten");
            }
            case JW307 -> {
                open(x, p, "StopProducten");
                open(x, p, "StopProduct");
                leaf(x, p, "ToewijzingNummer", t.toewijzingNummer());
                product(x, p, t);
                leaf(x, p, "ToewijzingIngangsdatum", t.ingang());
                leaf(x, p, "Begindatum", t.startBegin());
                leaf(x, p, "RedenBeeindiging", t.stopReden());
                leaf(x, p, "Einddatum", t.stopEinde());
                leaf(x, p, "StatusAanlevering", "1");
                close(x, p, "StopProduct");
                close(x, p, "StopProducten");
            }
        }
        close(x, p, "Client");
        close(x, p, "Bericht");
        return x.toString();
    }

    private static void product(StringBuilder x, String p, Traject t) {
        open(x, p, "Product");
        leaf(x, "ijw", "Categorie", t.categorie());
        leaf(x, "ijw", "Code", t.productcode());
        close(x, p, "Product");
    }

    private static void open(StringBuilder x, String prefix, String name) {
        x.append('<').append(prefix).append(':').append(name).append(">\n");
    }

    private static void close(StringBuilder x, String prefix, String name) {
        x.append("</").append(prefix).append(':').append(name).append(">\n");
    }

    /** An element with text; left out when the value is null, as the demo writer does. */
    private static void leaf(StringBuilder x, String prefix, String name, Object value) {
        if (value == null) {
            return;
        }
        x.append('<').append(prefix).append(':').append(name).append('>').append(escape(value.toString()))
                .append("</").append(prefix).append(':').append(name).append(">\n");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

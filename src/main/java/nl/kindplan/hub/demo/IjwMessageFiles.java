package nl.kindplan.hub.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.kindplan.hub.demo.DemoWorld.Kind;
import nl.kindplan.hub.demo.DemoWorld.Traject;

/**
 * The iJw 3.2 messages of the demo trajects (inputs.md §2), one message with one product per file,
 * {@code <type>-<identificatie>.xml}: JW315 requests, the JW301 toewijzingen that answer them (same
 * ReferentieAanbieder), JW305 starts and JW307 stops (and withdrawals, StatusAanlevering 3).
 * Identificaties count up in Dagtekening order, as an aanbieder's or gemeente's system numbers them.
 */
final class IjwMessageFiles {

    static final String BASIS_NS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";
    private static final String IJW = "ijw";
    private static final String XSD_VERSIE = "1.0.0";
    private static final DateTimeFormatter TIJD = DateTimeFormatter.ofPattern("HH:mm:ss");

    enum Type {
        JW315("446"), JW301("436"), JW305("438"), JW307("440");

        private final String berichtCode;

        Type(String berichtCode) {
            this.berichtCode = berichtCode;
        }

        String prefix() {
            return name().toLowerCase(Locale.ROOT);
        }

        String namespace() {
            return "http://www.istandaarden.nl/ijw/3_2/" + prefix() + "/schema";
        }
    }

    private record Bericht(Type type, LocalDate dagtekening, int volgorde, Traject traject, boolean intrekking) {
    }

    private IjwMessageFiles() {
    }

    /** Files and messages written per message type, in {@link Type} order. */
    static Map<Type, Written> schrijf(DemoWorld wereld, Path map) throws IOException {
        List<Bericht> berichten = new ArrayList<>();
        for (Traject t : wereld.trajecten()) {
            if (t.aangevraagdOp() != null) {
                berichten.add(new Bericht(Type.JW315, t.aangevraagdOp(), berichten.size(), t, false));
            }
            if (t.toewijzing() != null) {
                berichten.add(new Bericht(Type.JW301, t.toewijzing().toewijzingsdatum(), berichten.size(), t, false));
            }
            if (t.start() != null) {
                berichten.add(new Bericht(Type.JW305, t.start().dagtekening(), berichten.size(), t, false));
            }
            if (t.stop() != null) {
                berichten.add(new Bericht(Type.JW307, t.stop().dagtekening(), berichten.size(), t, false));
                if (t.stop().ingetrokkenOp() != null) {
                    berichten.add(new Bericht(Type.JW307, t.stop().ingetrokkenOp(), berichten.size(), t, true));
                }
            }
        }
        berichten.sort(Comparator.comparing(Bericht::dagtekening).thenComparingInt(Bericht::volgorde));

        Map<Type, Written> geschreven = new LinkedHashMap<>();
        for (Type type : Type.values()) {
            geschreven.put(type, Written.NIETS);
        }
        for (int i = 0; i < berichten.size(); i++) {
            Bericht b = berichten.get(i);
            String identificatie = String.format("%012d", i + 1);
            AtomicFiles.schrijf(map.resolve(b.type().prefix() + "-" + identificatie + ".xml"), out -> {
                try (IndentingXmlWriter x = new IndentingXmlWriter(out)) {
                    schrijfBericht(x, b, identificatie);
                }
            });
            geschreven.put(b.type(), geschreven.get(b.type()).plus(1));
        }
        return geschreven;
    }

    private static void schrijfBericht(IndentingXmlWriter x, Bericht b, String identificatie) throws IOException {
        Type type = b.type();
        String ns = type.namespace();
        String p = type.prefix();
        Traject t = b.traject();
        boolean vanGemeente = type == Type.JW301;

        x.open(p, "Bericht", ns).namespace(p, ns).namespace(IJW, BASIS_NS);
        x.open(p, "Header", ns)
                .blad(p, "BerichtCode", ns, type.berichtCode)
                .blad(p, "BerichtVersie", ns, "3")
                .blad(p, "BerichtSubversie", ns, "2")
                .blad(p, "Afzender", ns, vanGemeente ? t.gemeentecode() : t.aanbieder())
                .blad(p, "Ontvanger", ns, vanGemeente ? t.aanbieder() : t.gemeentecode());
        x.open(p, "BerichtIdentificatie", ns)
                .blad(IJW, "Identificatie", BASIS_NS, identificatie)
                .blad(IJW, "Dagtekening", BASIS_NS, b.dagtekening())
                .sluit();
        x.open(p, "XsdVersie", ns)
                .blad(IJW, "BasisschemaXsdVersie", BASIS_NS, XSD_VERSIE)
                .blad(IJW, "BerichtXsdVersie", BASIS_NS, XSD_VERSIE)
                .sluit();
        x.sluit();

        Kind k = t.kind();
        x.open(p, "Client", ns).blad(p, "Bsn", ns, k.bsn());
        x.open(p, "Geboortedatum", ns).blad(IJW, "Datum", BASIS_NS, k.geboortedatum()).sluit();
        x.blad(p, "Geslacht", ns, k.geslacht());
        naam(x, p, ns, k, vanGemeente);
        switch (type) {
            case JW315 -> aangevraagdProduct(x, p, ns, t);
            case JW301 -> {
                contact(x, p, ns, k);
                toegewezenProduct(x, p, ns, t);
            }
            case JW305 -> startProduct(x, p, ns, t);
            case JW307 -> stopProduct(x, p, ns, t, b.intrekking());
        }
        x.sluit();   // Client
        x.sluit();   // Bericht
    }

    /** JW301 carries the full name (CDT_VolledigeNaam, with NaamGebruik); the others the short one. */
    private static void naam(IndentingXmlWriter x, String p, String ns, Kind k, boolean volledig) throws IOException {
        x.open(p, "Naam", ns);
        x.open(IJW, "Geslachtsnaam", BASIS_NS)
                .blad(IJW, "Achternaam", BASIS_NS, k.achternaam())
                .blad(IJW, "Voorvoegsel", BASIS_NS, k.voorvoegsel())
                .sluit();
        x.blad(IJW, "Voornamen", BASIS_NS, k.voornamen())
                .blad(IJW, "Voorletters", BASIS_NS, DemoNames.voorletters(k.voornamen()));
        if (volledig) {
            x.blad(IJW, "NaamGebruik", BASIS_NS, "1");
        }
        x.sluit();
    }

    private static void contact(IndentingXmlWriter x, String p, String ns, Kind k) throws IOException {
        x.open(p, "Contactgegevens", ns).open(p, "Contact", ns).blad(p, "Soort", ns, "01");
        x.open(p, "Adres", ns);
        x.open(IJW, "Huis", BASIS_NS).blad(IJW, "Huisnummer", BASIS_NS, k.adres().huisnummer()).sluit();
        x.blad(IJW, "Postcode", BASIS_NS, k.adres().postcode())
                .blad(IJW, "Straatnaam", BASIS_NS, k.adres().straat())
                .blad(IJW, "Plaatsnaam", BASIS_NS, k.adres().gemeente().plaats())
                .blad(IJW, "LandCode", BASIS_NS, "NL");
        x.sluit().sluit().sluit();
    }

    private static void product(IndentingXmlWriter x, String p, String ns, Traject t) throws IOException {
        x.open(p, "Product", ns)
                .blad(IJW, "Categorie", BASIS_NS, t.productcategorie())
                .blad(IJW, "Code", BASIS_NS, t.productcode())
                .sluit();
    }

    private static void aangevraagdProduct(IndentingXmlWriter x, String p, String ns, Traject t) throws IOException {
        x.open(p, "AangevraagdeProducten", ns).open(p, "AangevraagdProduct", ns)
                .blad(p, "ReferentieAanbieder", ns, t.referentieAanbieder());
        product(x, p, ns, t);
        x.blad(p, "ToewijzingIngangsdatum", ns, t.gevraagdeIngangsdatum())
                .blad(p, "ToewijzingEinddatum", ns, t.gevraagdeIngangsdatum().plusDays(364));
        x.open(p, "Verwijzer", ns).blad(IJW, "Type", BASIS_NS, t.verwijzerType()).sluit();
        x.sluit().sluit();
    }

    private static void toegewezenProduct(IndentingXmlWriter x, String p, String ns, Traject t) throws IOException {
        DemoWorld.Toewijzing tw = t.toewijzing();
        x.open(p, "ToegewezenProducten", ns).open(p, "ToegewezenProduct", ns)
                .blad(p, "ToewijzingNummer", ns, tw.nummer())
                .blad(p, "ReferentieAanbieder", ns, t.referentieAanbieder());
        product(x, p, ns, t);
        // a fixed time derived from the number keeps the files deterministic
        LocalTime tijd = LocalTime.of(8, 0).plusMinutes(Integer.parseInt(tw.nummer()) % 540);
        x.blad(p, "Toewijzingsdatum", ns, tw.toewijzingsdatum())
                .blad(p, "Toewijzingstijd", ns, TIJD.format(tijd))
                .blad(p, "Ingangsdatum", ns, tw.ingangsdatum())
                .blad(p, "Einddatum", ns, tw.einddatum());
        x.sluit().sluit();
    }

    private static void startProduct(IndentingXmlWriter x, String p, String ns, Traject t) throws IOException {
        x.open(p, "StartProducten", ns).open(p, "StartProduct", ns)
                .blad(p, "ToewijzingNummer", ns, t.toewijzing().nummer());
        product(x, p, ns, t);
        x.blad(p, "ToewijzingIngangsdatum", ns, t.toewijzing().ingangsdatum())
                .blad(p, "Begindatum", ns, t.start().begindatum())
                .blad(p, "StatusAanlevering", ns, "1");
        x.sluit().sluit();
    }

    private static void stopProduct(IndentingXmlWriter x, String p, String ns, Traject t, boolean intrekking)
            throws IOException {
        x.open(p, "StopProducten", ns).open(p, "StopProduct", ns)
                .blad(p, "ToewijzingNummer", ns, t.toewijzing().nummer());
        product(x, p, ns, t);
        x.blad(p, "ToewijzingIngangsdatum", ns, t.toewijzing().ingangsdatum())
                .blad(p, "Begindatum", ns, t.start().begindatum())
                .blad(p, "RedenBeeindiging", ns, t.stop().redenBeeindiging())
                .blad(p, "Einddatum", ns, t.stop().einddatum())
                // 3: withdraws the earlier stop of this toewijzing
                .blad(p, "StatusAanlevering", ns, intrekking ? "3" : "1");
        x.sluit().sluit();
    }
}

package nl.kindplan.hub.ingest.ijw;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import nl.kindplan.hub.ingest.UnreadableFileException;
import nl.kindplan.hub.ingest.ijw.Waarden.Waarde;

/**
 * One streaming pass over a message from its root element on. It keeps only the leaf values the
 * mapping asks for (message level, and per product element), so a message's size does not matter
 * beyond its product lines, and it checks that nothing follows the root element.
 */
final class BerichtScanner {

    /** No value the hub reads is near this long (iJw's longest, a name, is 200). */
    private static final int MAX_TEKST = 1000;

    /** One product element: where it starts and what it held. */
    record Product(String element, long regel, Map<String, Waarde> waarden, Set<String> elementen) {
    }

    /** What the pass found: message-level values and every product element in order. */
    record Gescand(Map<String, Waarde> waarden, Set<String> elementen, List<Product> producten) {
    }

    private final IjwSoort soort;
    private final Set<String> berichtPaden;
    private final Set<String> berichtOuders;
    private final Set<String> productElementen;
    private final Set<String> productPaden;
    private final Set<String> productOuders;

    /**
     * @param berichtPaden     message-level paths to keep, relative to the root
     * @param productElementen paths (relative to the root) of the product elements; empty when none are read
     * @param productPaden     paths to keep within a product element, relative to it
     */
    BerichtScanner(IjwSoort soort, Set<String> berichtPaden, Set<String> productElementen, Set<String> productPaden) {
        this.soort = soort;
        this.berichtPaden = berichtPaden;
        this.berichtOuders = ouders(berichtPaden);
        this.productElementen = productElementen;
        this.productPaden = productPaden;
        this.productOuders = ouders(productPaden);
    }

    /** Reads from just after the root's start tag to the end of the document. */
    Gescand scan(XMLStreamReader xml) throws XMLStreamException, UnreadableFileException {
        Map<String, Waarde> waarden = new HashMap<>();
        Set<String> elementen = new HashSet<>();
        List<Product> producten = new ArrayList<>();
        Deque<String> stapel = new ArrayDeque<>();

        Product product = null;
        String productPad = null;
        String leesPad = null;
        StringBuilder tekst = null;
        long tekstRegel = 0;

        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                long regel = xml.getLocation().getLineNumber();
                if (!soort.isIjwNamespace(xml.getNamespaceURI())) {
                    throw new UnreadableFileException(soort.naam() + ": element {" + xml.getNamespaceURI() + "}"
                            + xml.getLocalName() + " op regel " + regel + " hoort niet bij iJw 3.2 " + soort.naam());
                }
                if (tekst != null) {
                    throw new UnreadableFileException(soort.naam() + ": " + leesPad + " op regel " + tekstRegel
                            + " bevat elementen waar een waarde verwacht wordt");
                }
                String pad = stapel.isEmpty() ? xml.getLocalName() : stapel.peek() + "/" + xml.getLocalName();
                stapel.push(pad);
                if (product == null && productElementen.contains(pad)) {
                    product = new Product(xml.getLocalName(), regel, new HashMap<>(), new HashSet<>());
                    productPad = pad;
                    continue;
                }
                String relatief = product == null ? pad : pad.substring(productPad.length() + 1);
                Set<String> ouders = product == null ? berichtOuders : productOuders;
                Set<String> gevraagd = product == null ? berichtPaden : productPaden;
                if (ouders.contains(relatief)) {
                    (product == null ? elementen : product.elementen()).add(relatief);
                }
                if (gevraagd.contains(relatief)) {
                    leesPad = relatief;
                    tekst = new StringBuilder();
                    tekstRegel = regel;
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                if (tekst != null) {
                    tekst.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    if (tekst.length() > MAX_TEKST) {
                        throw new UnreadableFileException(soort.naam() + ": " + leesPad + " op regel " + tekstRegel
                                + " is langer dan " + MAX_TEKST + " tekens");
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (stapel.isEmpty()) {
                    break; // the root element closed
                }
                if (tekst != null) {
                    Map<String, Waarde> doel = product == null ? waarden : product.waarden();
                    Waarde eerder = doel.put(leesPad, new Waarde(tekst.toString().trim(), tekstRegel));
                    if (eerder != null) {
                        throw new UnreadableFileException(soort.naam() + ": " + leesPad + " komt twee keer voor (regels "
                                + eerder.regel() + " en " + tekstRegel + ")");
                    }
                    tekst = null;
                    leesPad = null;
                }
                String pad = stapel.pop();
                if (product != null && pad.equals(productPad)) {
                    producten.add(product);
                    product = null;
                    productPad = null;
                }
            }
        }
        eindeDocument(xml);
        return new Gescand(waarden, elementen, producten);
    }

    /** One message per file: after the root element only comments and white space may follow. */
    private void eindeDocument(XMLStreamReader xml) throws XMLStreamException, UnreadableFileException {
        while (xml.hasNext()) {
            int event;
            try {
                event = xml.next();
            } catch (XMLStreamException e) {
                // The parser refuses a second root element itself; say what that means here.
                throw new UnreadableFileException("na het bericht: een bestand bevat precies één bericht ("
                        + IjwReader.xmlFout(e) + ")", e);
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                throw new UnreadableFileException("na het bericht volgt op regel " + xml.getLocation().getLineNumber()
                        + " nog een element " + xml.getLocalName() + ": een bestand bevat precies één bericht");
            }
            if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                    && !xml.isWhiteSpace()) {
                throw new UnreadableFileException("na het bericht volgt op regel " + xml.getLocation().getLineNumber()
                        + " nog tekst: een bestand bevat precies één bericht");
            }
        }
    }

    /** Every proper prefix of the paths: the parent elements whose presence matters. */
    private static Set<String> ouders(Set<String> paden) {
        Set<String> ouders = new HashSet<>();
        for (String pad : paden) {
            for (int i = pad.indexOf('/'); i > 0; i = pad.indexOf('/', i + 1)) {
                ouders.add(pad.substring(0, i));
            }
        }
        return ouders;
    }
}

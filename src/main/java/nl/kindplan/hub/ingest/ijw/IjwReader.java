package nl.kindplan.hub.ingest.ijw;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import nl.kindplan.hub.domain.Herkomst;
import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.JeugdhulpRegel.Berichttype;
import nl.kindplan.hub.domain.KindIdentiteit;
import nl.kindplan.hub.ingest.IngestSink;
import nl.kindplan.hub.domain.Source;
import nl.kindplan.hub.ingest.SourceReader;
import nl.kindplan.hub.ingest.UnreadableFileException;
import nl.kindplan.hub.ingest.xml.SecureXml;
import nl.kindplan.hub.mapping.Mappings;

/**
 * Reads one iJw 3.2 message per file (inputs.md §2): JW315, JW301, JW305 and JW307 become
 * jeugdhulp product lines; other iJw 3.2 messages (JW317, retour messages) are noted and skipped.
 * Element paths and the date pattern come from {@code mappings/ijw.yaml}. A message is all or
 * nothing: its lines reach the sink in one call, only once the whole file has been read and checked.
 */
public final class IjwReader implements SourceReader {

    /** The name of the source mapping, {@code mappings/ijw.yaml}. */
    public static final String MAPPING = "ijw";

    private final IjwVelden velden;
    private final ProductRegels productRegels;

    public IjwReader(Mappings mappings) {
        this.velden = new IjwVelden(mappings.source(MAPPING));
        this.productRegels = new ProductRegels(mappings);
    }

    @Override
    public Source source() {
        return Source.IJW;
    }

    @Override
    public void read(InputStream in, String fileName, IngestSink sink) throws IOException, UnreadableFileException {
        XMLStreamReader xml = SecureXml.reader(in);
        try (XmlSluiter sluiter = xml::close) {
            QName wortel = naarWortel(xml);
            IjwSoort soort = IjwSoort.herken(wortel.getNamespaceURI(), wortel.getLocalPart());
            BerichtScanner.Gescand gescand = scanner(soort).scan(xml);
            Waarden bericht = new Waarden(soort.naam() + " Header", false, gescand.waarden(), gescand.elementen(),
                    velden::paden, velden);
            if (soort.berichttype().isEmpty()) {
                sink.note(soort.naam() + " " + identificatie(bericht) + " uit " + fileName
                        + ": dit iJw-berichttype leest de hub niet, overgeslagen");
                return;
            }
            Kop kop = Kop.lees(soort.berichttype().get(), bericht);
            KindIdentiteit kind = ClientGegevens.lees(bericht.als(soort.naam() + " Client", true));
            List<JeugdhulpRegel> regels = new ArrayList<>();
            for (BerichtScanner.Product product : gescand.producten()) {
                Waarden p = new Waarden(soort.naam() + " " + product.element() + " op regel " + product.regel(), false,
                        product.waarden(), product.elementen(), v -> velden.paden(soort.mappingSleutel(), v), velden);
                regels.add(productRegels.regel(kop, p, new Herkomst(fileName, product.regel())));
            }
            if (regels.isEmpty()) {
                throw new UnreadableFileException(soort.naam() + " " + kop.identificatie()
                        + ": het bericht bevat geen productregels (" + String.join(", ", productElementen(kop.type())) + ")");
            }
            sink.jeugdhulpBericht(kind, List.copyOf(regels));
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof IOException io && !(io instanceof CharConversionException)) {
                throw io; // the stream failed, not the file; bytes that are not the declared encoding are the file's
            }
            throw new UnreadableFileException(xmlFout(e), e);
        }
    }

    /** The parser's reason on one line, with its line and column. */
    static String xmlFout(XMLStreamException e) {
        return "XML afgekeurd" + SecureXml.describe(e);
    }

    /** Moves to the root element's start tag. */
    private static QName naarWortel(XMLStreamReader xml)
            throws XMLStreamException, UnreadableFileException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                return xml.getName();
            }
        }
        throw new UnreadableFileException("het bestand bevat geen XML-element");
    }

    private BerichtScanner scanner(IjwSoort soort) {
        if (soort.berichttype().isEmpty()) {
            // Of a message the hub does not read it keeps only the identificatie for the note: no child data.
            return new BerichtScanner(soort, new LinkedHashSet<>(velden.paden(Kop.IDENTIFICATIE)), Set.of(), Set.of());
        }
        Berichttype type = soort.berichttype().get();
        return new BerichtScanner(soort, velden.berichtPaden(), productElementen(type), velden.productPaden(type));
    }

    private Set<String> productElementen(Berichttype type) {
        return new LinkedHashSet<>(velden.paden(type.name().toLowerCase(Locale.ROOT), IjwVelden.REGEL));
    }

    /** The message's identificatie for a note: as given, since a skipped message is not checked. */
    private static String identificatie(Waarden bericht) {
        String id = bericht.ongecontroleerd(Kop.IDENTIFICATIE);
        return id == null || id.isEmpty() ? "(geen identificatie)" : id;
    }

    /** Closes the StAX reader (not the stream: that is the caller's) without losing an earlier error. */
    @FunctionalInterface
    private interface XmlSluiter extends AutoCloseable {
        @Override
        void close() throws XMLStreamException;
    }
}

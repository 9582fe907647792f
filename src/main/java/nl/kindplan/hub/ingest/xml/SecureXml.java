package nl.kindplan.hub.ingest.xml;

import java.io.InputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import nl.kindplan.hub.ingest.UnreadableFileException;

/**
 * Streaming, namespace-aware XML reading with DTDs and external entities off. A document that
 * carries a DOCTYPE at all is refused: no source of the hub needs one, and it is how XXE and
 * entity-expansion bombs arrive.
 * <p>
 * A reason for a refused document is in Dutch, for the gemeente's functioneel beheerder: the hub's own
 * refusals are written in Dutch ({@link Weigering}), the parser's most common complaints are put into
 * Dutch here, and any other complaint of the parser (English, from the JDK) is quoted as its own.
 */
public final class SecureXml {

    private static final XMLInputFactory FACTORY = createFactory();
    private static final Pattern PARSE_ERROR = Pattern.compile("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\] Message: ");

    private SecureXml() {
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }

    /** A complaint of the JDK's parser and its Dutch words ($1, $2: what the complaint names). */
    private record Vertaling(Pattern melding, String nederlands) {
        Vertaling(String melding, String nederlands) {
            this(Pattern.compile(melding), nederlands);
        }
    }

    /** The parser's complaints that bad files give most (XMLMessages.properties of the JDK's Xerces). */
    private static final List<Vertaling> VERTALINGEN = List.of(
            new Vertaling("Invalid byte \\d+ of \\d+-byte UTF-8 sequence\\.", "verkeerde tekenset: hier staan tekens die "
                    + "geen geldige UTF-8 zijn (is het bestand in een andere tekenset opgeslagen, zoals Windows-1252?)"),
            new Vertaling("The element type \"([^\"]+)\" must be terminated by the matching end-tag \"</[^\"]+>\"\\.",
                    "element $1 wordt niet afgesloten met </$1> (is het bestand afgebroken of beschadigd?)"),
            new Vertaling("XML document structures must start and end within the same entity\\.",
                    "het bestand houdt op midden in een element (is het afgebroken?)"),
            new Vertaling("Premature end of file\\.", "het bestand houdt te vroeg op (is het leeg of afgebroken?)"),
            new Vertaling("Content is not allowed in prolog\\.",
                    "voor het eerste element staat tekst die geen XML is (is het wel een XML-bestand?)"),
            new Vertaling("Content is not allowed in trailing section\\.", "na het laatste element staat nog tekst"),
            new Vertaling("The markup in the document following the root element must be well-formed\\.",
                    "na het hoofdelement volgt nog een element, en een XML-bestand heeft maar één hoofdelement"),
            new Vertaling("The markup in the document preceding the root element must be well-formed\\.",
                    "voor het hoofdelement staat iets dat geen geldige XML is"),
            new Vertaling("The content of elements must consist of well-formed character data or markup\\.",
                    "in een element staat iets dat geen geldige XML is (een losse < of &?)"),
            new Vertaling("The end-tag for element type \"([^\"]+)\" must end with a '>' delimiter\\.",
                    "de eindtag van element $1 sluit niet af met >"),
            new Vertaling("Element type \"([^\"]+)\" must be followed by either attribute specifications, \">\" or \"/>\"\\.",
                    "na de naam van element $1 ontbreekt > of />"),
            new Vertaling("The prefix \"([^\"]+)\" for element \"([^\"]+)\" is not bound\\.",
                    "het voorvoegsel $1 van element $2 is niet gedeclareerd (er ontbreekt een xmlns:$1)"),
            new Vertaling("An invalid XML character \\(Unicode: 0x(\\w+)\\) was found in .*",
                    "hier staat een teken dat in XML niet is toegestaan (Unicode 0x$1)"));

    /**
     * The reason on one line, in Dutch, with where it is: {@code op regel 3, kolom 7: ...}, without the
     * JDK's "ParseError at [row,col]" preamble. A complaint of the parser that has no Dutch words here
     * is quoted as the parser's own.
     */
    public static String describe(XMLStreamException e) {
        String text = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s*\\R\\s*", " ").trim();
        text = PARSE_ERROR.matcher(text).replaceFirst("");
        String where = e.getLocation() == null ? "" : " op regel " + e.getLocation().getLineNumber()
                + ", kolom " + e.getLocation().getColumnNumber();
        return where + ": " + (e instanceof Weigering ? text : nederlands(text));
    }

    /** The parser's complaint in Dutch, or quoted as the parser's own when it has no Dutch words here. */
    static String nederlands(String melding) {
        for (Vertaling v : VERTALINGEN) {
            Matcher m = v.melding().matcher(melding);
            if (m.matches()) {
                return m.replaceFirst(v.nederlands());
            }
        }
        return "melding van de XML-lezer: " + melding;
    }

    /** A refusal of the hub's own while it reads XML (a DOCTYPE, say): its reason is Dutch already. */
    public static final class Weigering extends XMLStreamException {
        public Weigering(String reden, Location waar) {
            super(reden, waar);
        }
    }

    /** A reader over the stream; the caller closes both. */
    public static XMLStreamReader reader(InputStream in) throws UnreadableFileException {
        try {
            return new DoctypeRefusingReader(FACTORY.createXMLStreamReader(in));
        } catch (XMLStreamException e) {
            throw new UnreadableFileException("XML afgekeurd" + describe(e), e);
        }
    }

    /** Fails on a DOCTYPE instead of skipping it silently. */
    private static final class DoctypeRefusingReader extends javax.xml.stream.util.StreamReaderDelegate {

        DoctypeRefusingReader(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.DTD) {
                throw new Weigering("een DOCTYPE is niet toegestaan (DTD's en externe entiteiten staan uit)",
                        getLocation());
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new Weigering("de entiteitsverwijzing &" + getLocalName() + "; is niet toegestaan",
                        getLocation());
            }
            return event;
        }

        /** Through {@link #next()}, so that the refusals above hold here too. */
        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while (event == XMLStreamConstants.CHARACTERS && isWhiteSpace()
                    || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                    || event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
                event = next();
            }
            if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                throw new Weigering("hier werd een begin- of eindtag verwacht", getLocation());
            }
            return event;
        }

        /** Through {@link #next()}, so that the refusals above hold here too. */
        @Override
        public String getElementText() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            int event = next();
            while (event != XMLStreamConstants.END_ELEMENT) {
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    text.append(getText());
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    throw new Weigering("hier werd tekst verwacht, maar er staat een element", getLocation());
                }
                event = next();
            }
            return text.toString();
        }
    }
}

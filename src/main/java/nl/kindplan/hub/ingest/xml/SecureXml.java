package nl.kindplan.hub.ingest.xml;

import java.io.InputStream;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import nl.kindplan.hub.ingest.UnreadableFileException;

/**
 * Streaming, namespace-aware XML reading with DTDs and external entities off. A document that
 * carries a DOCTYPE at all is refused: no source of the hub needs one, and it is how XXE and
 * entity-expansion bombs arrive.
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

    /**
     * The parser's reason on one line, with where it is: {@code at line 3, column 7: ...}, without the
     * JDK's "ParseError at [row,col]" preamble.
     */
    public static String describe(XMLStreamException e) {
        String text = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s*\\R\\s*", " ").trim();
        text = PARSE_ERROR.matcher(text).replaceFirst("");
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber()
                + ", column " + e.getLocation().getColumnNumber();
        return where + ": " + text;
    }

    /** A reader over the stream; the caller closes both. */
    public static XMLStreamReader reader(InputStream in) throws UnreadableFileException {
        try {
            return new DoctypeRefusingReader(FACTORY.createXMLStreamReader(in));
        } catch (XMLStreamException e) {
            throw new UnreadableFileException("not well-formed XML" + describe(e), e);
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
                throw new XMLStreamException("a DOCTYPE is not allowed (DTDs and external entities are off)",
                        getLocation());
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("entity reference &" + getLocalName() + "; is not allowed",
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
                throw new XMLStreamException("expected a start or end tag", getLocation());
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
                    throw new XMLStreamException("element text expected, found an element", getLocation());
                }
                event = next();
            }
            return text.toString();
        }
    }
}

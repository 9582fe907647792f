package nl.kindplan.hub.demo;

import java.io.IOException;
import java.io.OutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin, indenting layer over StAX's {@link XMLStreamWriter}: the writer escapes every value, so
 * names and free text can never break the markup. Null values are left out (optional elements).
 */
final class IndentingXmlWriter implements AutoCloseable {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter w;
    private int diepte;

    IndentingXmlWriter(OutputStream out) throws IOException {
        try {
            w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IOException("cannot start an XML document", e);
        }
    }

    /** Opens an element; {@code ns} null for an element in no namespace (EDEXML). */
    IndentingXmlWriter open(String prefix, String naam, String ns) throws IOException {
        try {
            regel();
            if (ns == null) {
                w.writeStartElement(naam);
            } else {
                w.writeStartElement(prefix, naam, ns);
            }
            diepte++;
            return this;
        } catch (XMLStreamException e) {
            throw fout(naam, e);
        }
    }

    /** Declares a namespace prefix on the element just opened. */
    IndentingXmlWriter namespace(String prefix, String ns) throws IOException {
        try {
            w.writeNamespace(prefix, ns);
            return this;
        } catch (XMLStreamException e) {
            throw fout(prefix, e);
        }
    }

    /** An attribute (no namespace) of the element just opened. */
    IndentingXmlWriter attribuut(String naam, String waarde) throws IOException {
        try {
            w.writeAttribute(naam, waarde);
            return this;
        } catch (XMLStreamException e) {
            throw fout(naam, e);
        }
    }

    /** An element with text content; nothing when {@code waarde} is null. */
    IndentingXmlWriter blad(String prefix, String naam, String ns, Object waarde) throws IOException {
        if (waarde == null) {
            return this;
        }
        open(prefix, naam, ns);
        try {
            w.writeCharacters(waarde.toString());
            w.writeEndElement();
            diepte--;
            return this;
        } catch (XMLStreamException e) {
            throw fout(naam, e);
        }
    }

    IndentingXmlWriter sluit() throws IOException {
        try {
            diepte--;
            regel();
            w.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw fout("end", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw fout("document end", e);
        }
    }

    private void regel() throws XMLStreamException {
        w.writeCharacters("\n" + "\t".repeat(diepte));
    }

    private static IOException fout(String waar, XMLStreamException e) {
        return new IOException("cannot write XML at " + waar, e);
    }
}

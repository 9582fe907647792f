package nl.kindplan.hub.ingest.edexml;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import nl.kindplan.hub.ingest.xml.SecureXml;

/**
 * The text of the wanted direct children of one element, read up to that element's end tag.
 * Deeper elements are passed over, so a {@code toevoegingen} block cannot smuggle in a {@code bsn}.
 * Text is gathered by hand rather than with {@code getElementText()}, which fails on an element that
 * unexpectedly has children and would make the whole file unreadable.
 */
final class DirectChildren {

    private DirectChildren() {
    }

    /**
     * @param xml    standing on the parent's start tag; left on its end tag
     * @param wanted local names (no namespace) whose text to keep; the first occurrence counts
     * @return element name → trimmed text; an empty element gives ""
     */
    static Map<String, String> read(XMLStreamReader xml, Set<String> wanted) throws XMLStreamException {
        Map<String, String> values = new HashMap<>();
        int depth = 0;
        String current = null;
        StringBuilder text = new StringBuilder();
        while (xml.hasNext()) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth == 1 && EdexmlReader.inNoNamespace(xml) && wanted.contains(xml.getLocalName())) {
                        current = xml.getLocalName();
                        text.setLength(0);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (depth == 1 && current != null) {
                        text.append(xml.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == 0) {
                        return values;
                    }
                    if (depth == 1 && current != null) {
                        values.putIfAbsent(current, text.toString().strip());
                        current = null;
                    }
                    depth--;
                }
                default -> {
                    // comments, processing instructions and whitespace carry nothing
                }
            }
        }
        throw new SecureXml.Weigering("het document houdt op midden in een element", xml.getLocation());
    }
}

package nl.kindplan.hub.ingest.ijw;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.kindplan.hub.domain.JeugdhulpRegel.Berichttype;
import nl.kindplan.hub.ingest.UnreadableFileException;

/**
 * The kind of iJw message a file holds, known from its root element {@code Bericht} and that
 * element's namespace {@code http://www.istandaarden.nl/ijw/3_2/jwNNN/schema}.
 *
 * @param naam        the message type as the standard names it, e.g. {@code JW305}
 * @param namespace   the message's own namespace
 * @param berichttype the type when the hub reads it; empty for the others (JW317, retour messages)
 */
record IjwSoort(String naam, String namespace, Optional<Berichttype> berichttype) {

    static final String BASISSCHEMA = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";

    private static final String ROOT = "Bericht";
    private static final Pattern IJW_NAMESPACE =
            Pattern.compile("http://www\\.istandaarden\\.nl/ijw/([^/]+)/(jw[0-9]{3})/schema");
    private static final String VERSIE = "3_2";

    static IjwSoort herken(String namespace, String localName) throws UnreadableFileException {
        String ns = namespace == null ? "" : namespace;
        Matcher m = IJW_NAMESPACE.matcher(ns);
        if (!m.matches()) {
            throw new UnreadableFileException("geen iJw 3.2-bericht: het hoofdelement is {" + ns + "}" + localName);
        }
        if (!VERSIE.equals(m.group(1))) {
            throw new UnreadableFileException("iJw-versie " + m.group(1) + " leest de hub niet, alleen iJw 3.2 ("
                    + "namespace van het hoofdelement: " + ns + ")");
        }
        if (!ROOT.equals(localName)) {
            throw new UnreadableFileException("geen iJw-bericht: het hoofdelement is " + localName
                    + " in plaats van " + ROOT);
        }
        String naam = m.group(2).toUpperCase(Locale.ROOT);
        return new IjwSoort(naam, ns, gelezenType(naam));
    }

    private static Optional<Berichttype> gelezenType(String naam) {
        for (Berichttype t : Berichttype.values()) {
            if (t.name().equals(naam)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The prefix of this type's own keys in the mapping, e.g. {@code jw305}. */
    String mappingSleutel() {
        return naam.toLowerCase(Locale.ROOT);
    }

    boolean isIjwNamespace(String ns) {
        return namespace.equals(ns) || BASISSCHEMA.equals(ns);
    }
}

package nl.kindplan.hub.ingest.edexml;

import java.io.CharConversionException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import nl.kindplan.hub.domain.Elfproef;
import nl.kindplan.hub.domain.Herkomst;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.ingest.IngestSink;
import nl.kindplan.hub.domain.Source;
import nl.kindplan.hub.ingest.SourceReader;
import nl.kindplan.hub.ingest.UnreadableFileException;
import nl.kindplan.hub.ingest.xml.SecureXml;
import nl.kindplan.hub.mapping.Mappings;
import nl.kindplan.hub.mapping.SourceMapping;

/**
 * Reads an EDEXML 2.1 school export (inputs.md §3b): one school location, all its leerlingen, on a
 * peildatum. Streams leerling by leerling; only the ids of the listed enrolments are kept, for the
 * closing snapshot that ends the school's enrolments the file no longer lists.
 */
public final class EdexmlReader implements SourceReader {

    /** The mapping file {@code mappings/edexml.yaml}. */
    public static final String MAPPING = "edexml";

    // The frame of the document is fixed by EDEXML.structuur.xsd; the fields come from the mapping.
    private static final String ROOT = "EDEX";
    private static final String SCHOOL = "school";
    private static final String LEERLINGEN = "leerlingen";
    private static final String LEERLING = "leerling";

    private static final Pattern BRIN = Pattern.compile("[0-9]{2}[A-Z]{2}");
    private static final Pattern VESTIGING = Pattern.compile("[0-9]{2}");

    /** The school location and peildatum of one file. */
    record School(String brin, String vestiging, LocalDate peildatum) {
    }

    private final SourceMapping mapping;
    private final LeerlingMapper mapper;
    private final Set<String> schoolElementen;
    private final Set<String> leerlingElementen;

    public EdexmlReader(Mappings mappings) {
        this.mapping = mappings.source(MAPPING);
        this.mapper = new LeerlingMapper(mapping);
        this.schoolElementen = elementen("brin", "vestiging", "peildatum");
        this.leerlingElementen = elementen("bsn", "onderwijsnummer", "geboortedatum", "achternaam",
                "voorvoegsel", "voornamen", "begindatum", "einddatum");
    }

    @Override
    public Source source() {
        return Source.EDEXML;
    }

    @Override
    public void read(InputStream in, String fileName, IngestSink sink) throws IOException, UnreadableFileException {
        XMLStreamReader xml = SecureXml.reader(in);
        try (Closeable closer = () -> close(xml)) {
            read(xml, fileName, sink);
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof IOException io && !(io instanceof CharConversionException)) {
                throw io; // the stream failed, not the file: it may be read again
            }
            throw new UnreadableFileException("EDEXML afgekeurd" + SecureXml.describe(e), e);
        }
    }

    private void read(XMLStreamReader xml, String fileName, IngestSink sink)
            throws XMLStreamException, UnreadableFileException {
        Deque<String> pad = new ArrayDeque<>();
        School school = null;
        Set<String> gelist = new HashSet<>();
        long aantalLeerlingen = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String naam = xml.getLocalName();
                if (pad.isEmpty() && !(ROOT.equals(naam) && inNoNamespace(xml))) {
                    throw new UnreadableFileException("geen EDEXML: het hoofdelement is " + xml.getName()
                            + ", verwacht is " + ROOT + " zonder namespace");
                }
                if (pad.size() == 1 && SCHOOL.equals(naam) && inNoNamespace(xml)) {
                    if (school != null) {
                        throw new UnreadableFileException("meer dan één element school");
                    }
                    school = school(DirectChildren.read(xml, schoolElementen));
                } else if (pad.size() == 2 && LEERLING.equals(naam) && inNoNamespace(xml)
                        && LEERLINGEN.equals(pad.peek())) {
                    if (school == null) {
                        throw new UnreadableFileException("het element leerlingen staat voor het element school");
                    }
                    aantalLeerlingen++;
                    leerling(xml, fileName, school, sink, gelist);
                } else {
                    pad.push(naam);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                pad.pop();
            }
        }
        if (school == null) {
            throw new UnreadableFileException("het element school ontbreekt");
        }
        if (aantalLeerlingen == 0) {
            // EDEXML requires at least one leerling; an empty list must not end all of the school's enrolments
            throw new UnreadableFileException("het element leerlingen bevat geen enkele leerling");
        }
        sink.snapshot(Registratie.Bron.EDEXML, IngestSink.SnapshotScope.SCHOOL,
                Set.of(Mappings.schoolKey(school.brin(), school.vestiging())), gelist, school.peildatum());
    }

    private void leerling(XMLStreamReader xml, String fileName, School school, IngestSink sink, Set<String> gelist)
            throws XMLStreamException {
        long regel = xml.getLocation().getLineNumber();
        LeerlingMapper.Uitkomst uitkomst = mapper.map(DirectChildren.read(xml, leerlingElementen), school,
                new Herkomst(fileName, regel));
        // A leerling the school still lists stays listed even when its row is rejected, so that a data
        // error does not end an enrolment that the school has not ended.
        boolean nieuw = uitkomst.regelId() == null || gelist.add(uitkomst.regelId());
        if (!uitkomst.goed()) {
            sink.rowError(regel, String.join("; ", uitkomst.fouten()));
        } else if (!nieuw) {
            sink.rowError(regel, "dezelfde inschrijving staat al eerder in het bestand (" + masker(uitkomst) + ")");
        } else {
            sink.registratie(uitkomst.kind(), uitkomst.registratie());
        }
    }

    private School school(Map<String, String> velden) throws UnreadableFileException {
        String brin = mapper.waarde(velden, "brin");
        if (brin == null || !BRIN.matcher(brin).matches()) {
            throw new UnreadableFileException(brin == null ? "school zonder brincode"
                    : "brincode '" + brin + "' heeft niet de vorm 99XX (2 cijfers en 2 hoofdletters)");
        }
        String vestiging = mapper.waarde(velden, "vestiging");
        if (vestiging == null) {
            vestiging = "00"; // the XSD: 00 means the same as absent
        } else if (!VESTIGING.matcher(vestiging).matches()) {
            throw new UnreadableFileException("dependancecode '" + vestiging + "' bestaat niet uit 2 cijfers");
        }
        String peildatum = mapper.waarde(velden, "peildatum");
        if (peildatum == null) {
            throw new UnreadableFileException("school zonder peildatum: de stand van de leerlingen heeft een datum nodig");
        }
        try {
            return new School(brin, vestiging, LocalDate.parse(peildatum, mapping.dateFormatter()));
        } catch (DateTimeParseException e) {
            throw new UnreadableFileException("peildatum '" + peildatum + "' is geen geldige datum", e);
        }
    }

    private static String masker(LeerlingMapper.Uitkomst uitkomst) {
        return Elfproef.masker(uitkomst.kind().sleutel()) + ", instroom "
                + uitkomst.registratie().begindatum();
    }

    private Set<String> elementen(String... velden) {
        return Stream.of(velden).flatMap(v -> mapping.namesOf(v).stream()).collect(Collectors.toUnmodifiableSet());
    }

    /** EDEXML's elements have no namespace (the XSD has no targetNamespace). */
    static boolean inNoNamespace(XMLStreamReader xml) {
        String ns = xml.getNamespaceURI();
        return ns == null || ns.isEmpty();
    }

    /** Frees the parser; the caller closes the stream. */
    private static void close(XMLStreamReader xml) throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot close the XML reader", e);
        }
    }
}

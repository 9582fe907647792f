package nl.kindplan.hub.ingest.ijw;

import nl.kindplan.hub.ingest.RecordingSink;
import static nl.kindplan.hub.ingest.ijw.IjwFixtures.tekst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.kindplan.hub.domain.Elfproef;
import nl.kindplan.hub.ingest.UnreadableFileException;

/** Every way a message is rejected whole: an UnreadableFileException with the reason, and nothing stored. */
class IjwReaderRejectionTest {

    private static final String START = tekst("jw305-start.xml");
    private static final String STOP = tekst("jw307-stop.xml");

    private static IjwReader reader;

    @BeforeAll
    static void laadMappings() {
        reader = new IjwReader(IjwFixtures.mappings());
    }

    /** Reads the message, expects it rejected with nothing reaching the sink, and returns the reason. */
    private static AbstractThrowableAssert<?, ? extends Throwable> verworpen(String xml) {
        RecordingSink sink = new RecordingSink();
        AbstractThrowableAssert<?, ? extends Throwable> reden = assertThatThrownBy(() -> reader.read(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "bericht.xml", sink))
                .isInstanceOf(UnreadableFileException.class);
        assertThat(sink.isEmpty()).as("nothing of a rejected message reaches the sink").isTrue();
        return reden;
    }

    @Test
    void rejectsAMessageThatIsNotWellFormed() {
        verworpen(START.replace("</jw305:Begindatum>", "</jw305:Begindatum"))
                .hasMessageStartingWith("XML afgekeurd op regel ")
                .hasMessageContaining("jw305:Begindatum");
        verworpen(START.substring(0, START.indexOf("</jw305:StartProducten>")))
                .hasMessageStartingWith("XML afgekeurd");
        verworpen("").hasMessageStartingWith("XML afgekeurd");
    }

    @Test
    void rejectsADoctypeWithAnExternalEntityWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        Path geheim = dir.resolve("geheim.txt");
        Files.writeString(geheim, "GEHEIM-7f3a9c");
        String xml = tekst("xxe.xml").replace("SECRET_FILE_URI", geheim.toUri().toString());

        verworpen(xml)
                .hasMessageContaining("DOCTYPE")
                .satisfies(e -> assertThat(stapelTekst(e)).doesNotContain("GEHEIM-7f3a9c"));
    }

    @Test
    void rejectsAnEntityExpansionBombQuickly() {
        String xml = tekst("billion-laughs.xml");
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            verworpen(xml).hasMessageContaining("DOCTYPE");
        });
    }

    @Test
    void rejectsAMissingRequiredElement() {
        verworpen(STOP.replaceAll("\\s*<jw307:RedenBeeindiging>32</jw307:RedenBeeindiging>", ""))
                .hasMessageContaining("RedenBeeindiging")
                .hasMessageContaining("ontbreekt");
        verworpen(START.replaceAll("\\s*<ijw:Dagtekening>2026-03-20</ijw:Dagtekening>", ""))
                .hasMessageContaining("Dagtekening");
        verworpen(START.replaceAll("(?s)\\s*<jw305:Geboortedatum>.*?</jw305:Geboortedatum>", ""))
                .hasMessageContaining("Geboortedatum/Datum");
    }

    @Test
    void rejectsAProductWithoutItsCategorie() {
        verworpen(START.replace("<ijw:Categorie>45</ijw:Categorie>", ""))
                .hasMessageContaining("Product mist het verplichte element Categorie");
    }

    @Test
    void rejectsAnEmptyBsn() {
        verworpen(START.replace("<jw305:Bsn>111222333</jw305:Bsn>", "<jw305:Bsn></jw305:Bsn>"))
                .hasMessageContaining("Bsn")
                .hasMessageContaining("is leeg");
        verworpen(START.replace("<jw305:Bsn>111222333</jw305:Bsn>", "<jw305:Bsn/>"))
                .hasMessageContaining("is leeg");
    }

    @Test
    void rejectsABsnThatFailsThe11ProefWithoutShowingIt() {
        verworpen(START.replace("111222333", "111222334"))
                .hasMessageContaining("11-proef")
                .hasMessageContaining(Elfproef.masker("111222334"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("111222334"));
    }

    @Test
    void rejectsAnImpossibleDate() {
        verworpen(START.replace("2026-03-18", "2026-02-30"))
                .hasMessageContaining("2026-02-30")
                .hasMessageContaining("Begindatum");
    }

    @Test
    void rejectsABirthDateThatIsNoDateWithoutShowingIt() {
        verworpen(START.replace("2011-05-04", "2011-13-04"))
                .hasMessageContaining("Geboortedatum/Datum")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("2011-13-04"));
    }

    @Test
    void rejectsABirthDateInTheFutureWithoutShowingIt() {
        verworpen(START.replace("2011-05-04", "2099-05-04"))
                .hasMessage("JW305 Client: Geboortedatum ligt in de toekomst");
    }

    @Test
    void rejectsANameLongerThanTheStoreKeepsWithoutShowingIt() {
        verworpen(START.replace("<ijw:Achternaam>Voorbeeld</ijw:Achternaam>",
                "<ijw:Achternaam>" + "V".repeat(201) + "</ijw:Achternaam>"))
                .hasMessage("JW305 Client: Achternaam is langer dan 200 tekens");
    }

    @Test
    void rejectsAReferentieAanbiederLongerThanIjwAllows() {
        // LDT_Referentie: at most 36 characters, as the store keeps them
        verworpen(tekst("jw301-toewijzing.xml").replace("REF-A-001", "REF-A-001-0123456789-0123456789-012345"))
                .hasMessageContaining("ReferentieAanbieder")
                .hasMessageContaining("hoogstens 36 tekens");
    }

    @Test
    void rejectsBytesThatAreNotUtf8WithTheirLine() {
        byte[] latin1 = START.replace("Voorbeeld", "M\u00fcller").getBytes(StandardCharsets.ISO_8859_1);
        RecordingSink sink = new RecordingSink();
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(latin1), "bericht.xml", sink))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("XML afgekeurd op regel 26, kolom ")
                .hasMessageContaining("geen geldige UTF-8");
        assertThat(sink.isEmpty()).isTrue();
    }

    @Test
    void rejectsAnUnknownProductcategorie() {
        verworpen(START.replace("<ijw:Categorie>45</ijw:Categorie>", "<ijw:Categorie>39</ijw:Categorie>"))
                .hasMessageContaining("'39'")
                .hasMessageContaining("productcategorie");
    }

    @Test
    void rejectsAnUnknownRedenBeeindigingAndStatusAanlevering() {
        verworpen(STOP.replace("<jw307:RedenBeeindiging>32<", "<jw307:RedenBeeindiging>99<"))
                .hasMessageContaining("redenbeeindiging");
        verworpen(STOP.replace("<jw307:StatusAanlevering>1<", "<jw307:StatusAanlevering>4<"))
                .hasMessageContaining("StatusAanlevering");
    }

    @Test
    void rejectsAnUnknownVerwijzerType() {
        verworpen(tekst("jw315-verzoek.xml").replace("<b:Type>06</b:Type>", "<b:Type>07</b:Type>"))
                .hasMessageContaining("verwijzer");
    }

    @Test
    void rejectsAnotherNamespaceOrIjwVersion() {
        verworpen(START.replace("/ijw/3_2/jw305/", "/ijw/3_1/jw305/"))
                .hasMessageContaining("3_1");
        verworpen(START.replace("http://www.istandaarden.nl/ijw/3_2/jw305/schema", "urn:example:bericht"))
                .hasMessageContaining("geen iJw 3.2-bericht");
        verworpen("<?xml version=\"1.0\"?><Bericht><Header/></Bericht>")
                .hasMessageContaining("geen iJw 3.2-bericht");
    }

    @Test
    void rejectsABerichtCodeOrVersionThatDoesNotFit() {
        verworpen(START.replace("<jw305:BerichtCode>438<", "<jw305:BerichtCode>440<"))
                .hasMessageContaining("BerichtCode 440");
        verworpen(START.replace("<jw305:BerichtSubversie>2<", "<jw305:BerichtSubversie>1<"))
                .hasMessageContaining("iJw 3.2");
    }

    @Test
    void rejectsAfzenderAndOntvangerThatAreNotAGemeenteAndAnAanbieder() {
        verworpen(START.replace("<jw305:Ontvanger>0599<", "<jw305:Ontvanger>87654321<"))
                .hasMessageContaining("gemeentecode van 4 cijfers");
    }

    @Test
    void rejectsAMessageWithoutProductLines() {
        verworpen(START.replaceAll("(?s)\\s*<jw305:StartProduct>.*</jw305:StartProduct>", ""))
                .hasMessageContaining("geen productregels");
    }

    @Test
    void rejectsTwoMessagesInOneFile() {
        String bericht = START.substring(START.indexOf("<jw305:Bericht"));
        verworpen(START + bericht).hasMessageContaining("een bestand bevat precies één bericht");
    }

    @Test
    void rejectsTextAfterTheMessage() {
        verworpen(START + "nog iets").hasMessageContaining("een bestand bevat precies één bericht");
    }

    @Test
    void acceptsACommentAfterTheMessage() throws Exception {
        assertThat(IjwFixtures.lees(reader, START + "<!-- verzonden -->\n", "bericht.xml").berichten).hasSize(1);
    }

    @Test
    void rejectsAnElementOfAForeignNamespace() {
        verworpen(START.replace("<jw305:Geslacht>1</jw305:Geslacht>",
                "<jw305:Geslacht>1</jw305:Geslacht><x:Extra xmlns:x=\"urn:example:x\">1</x:Extra>"))
                .hasMessageContaining("urn:example:x");
    }

    @Test
    void rejectsAValueElementThatHoldsElements() {
        verworpen(START.replace("<jw305:Begindatum>2026-03-18</jw305:Begindatum>",
                "<jw305:Begindatum><jw305:Dag>18</jw305:Dag></jw305:Begindatum>"))
                .hasMessageContaining("Begindatum")
                .hasMessageContaining("bevat elementen");
    }

    @Test
    void rejectsAnElementThatOccursTwice() {
        verworpen(START.replace("<jw305:Begindatum>2026-03-18</jw305:Begindatum>",
                "<jw305:Begindatum>2026-03-18</jw305:Begindatum><jw305:Begindatum>2026-03-19</jw305:Begindatum>"))
                .hasMessageContaining("komt twee keer voor");
    }

    @Test
    void aRejectionOfAnAllOrNothingMessageComesAfterItsGoodLines() {
        // The second StopProduct is bad: the first, good one must not have been stored either.
        String product = STOP.substring(STOP.indexOf("<jw307:StopProduct>"),
                STOP.indexOf("</jw307:StopProduct>") + "</jw307:StopProduct>".length());
        String slecht = product.replace("2026-05-29", "2026-05-32");
        verworpen(STOP.replace(product, product + slecht))
                .hasMessageContaining("2026-05-32");
    }

    @Test
    void aReasonNeverHoldsTheChildsName() {
        verworpen(tekst("jw307-stop.xml").replace("<jw307:Geslacht>1</jw307:Geslacht>",
                "<jw307:Geslacht>1</jw307:Geslacht><jw307:Bsn>111222333</jw307:Bsn>"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("111222333").doesNotContain("Voorbeeld"));
    }

    private static String stapelTekst(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t).append('\n');
        }
        return sb.toString();
    }
}

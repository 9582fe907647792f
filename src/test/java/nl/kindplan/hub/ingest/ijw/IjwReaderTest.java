package nl.kindplan.hub.ingest.ijw;

import nl.kindplan.hub.ingest.RecordingSink;
import static nl.kindplan.hub.ingest.ijw.IjwFixtures.lees;
import static nl.kindplan.hub.ingest.ijw.IjwFixtures.regelVan;
import static nl.kindplan.hub.ingest.ijw.IjwFixtures.tekst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.kindplan.hub.domain.Herkomst;
import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.JeugdhulpRegel.Berichttype;
import nl.kindplan.hub.domain.KindIdentiteit;
import nl.kindplan.hub.domain.Source;
import nl.kindplan.hub.ingest.UnreadableFileException;
import nl.kindplan.hub.mapping.Mappings;

class IjwReaderTest {

    private static IjwReader reader;

    @BeforeAll
    static void laadMappings() {
        reader = new IjwReader(IjwFixtures.mappings());
    }

    @Test
    void servesTheIjwSource() {
        assertThat(reader.source()).isEqualTo(Source.IJW);
    }

    @Test
    void readsAJw315PerAangevraagdProduct() throws Exception {
        String xml = tekst("jw315-verzoek.xml");
        RecordingSink sink = lees(reader, xml, "jw315-verzoek.xml");

        assertThat(sink.berichten).hasSize(1);
        assertThat(sink.berichten.get(0).kind()).isEqualTo(
                new KindIdentiteit("123456782", null, LocalDate.of(2013, 9, 30), "Testkind", "van", "Sanne Fictief"));
        List<JeugdhulpRegel> regels = sink.berichten.get(0).regels();
        assertThat(regels).containsExactly(
                new JeugdhulpRegel(Berichttype.JW315, "VOM-2026-17", LocalDate.of(2026, 3, 2), "0599", "12345678",
                        "REF-A-001", null, "45", "45A07", "02", null, LocalDate.of(2026, 3, 16), null,
                        LocalDate.of(2026, 12, 31), null, null, null,
                        new Herkomst("jw315-verzoek.xml", regelVan(xml, "<v:AangevraagdProduct>", 1))),
                new JeugdhulpRegel(Berichttype.JW315, "VOM-2026-17", LocalDate.of(2026, 3, 2), "0599", "12345678",
                        "REF-A-002", null, null, null, "06", null, LocalDate.of(2026, 4, 1), null,
                        null, null, null, null,
                        new Herkomst("jw315-verzoek.xml", regelVan(xml, "<v:AangevraagdProduct>", 2))));
        assertThat(sink.notes).isEmpty();
    }

    @Test
    void readsAJw301PerToegewezenProductWithTheGemeenteAsAfzender() throws Exception {
        String xml = tekst("jw301-toewijzing.xml");
        RecordingSink sink = lees(reader, xml, "jw301-toewijzing.xml");

        assertThat(sink.berichten).hasSize(1);
        // No Voorvoegsel or Voornamen: the name parts are optional.
        assertThat(sink.berichten.get(0).kind()).isEqualTo(
                new KindIdentiteit("123456782", null, LocalDate.of(2013, 9, 30), "Testkind", null, null));
        assertThat(sink.berichten.get(0).regels()).containsExactly(
                new JeugdhulpRegel(Berichttype.JW301, "TOE-2026-042", LocalDate.of(2026, 3, 10), "0599", "12345678",
                        "REF-A-001", "700101", "45", "45A07", null, LocalDate.of(2026, 3, 10),
                        LocalDate.of(2026, 3, 16), null, LocalDate.of(2026, 12, 31), "01", null, null,
                        new Herkomst("jw301-toewijzing.xml", regelVan(xml, "<jw301:ToegewezenProduct>", 1))),
                new JeugdhulpRegel(Berichttype.JW301, "TOE-2026-042", LocalDate.of(2026, 3, 10), "0599", "12345678",
                        null, "700102", null, null, null, LocalDate.of(2026, 3, 10),
                        LocalDate.of(2026, 4, 1), null, null, null, null, null,
                        new Herkomst("jw301-toewijzing.xml", regelVan(xml, "<jw301:ToegewezenProduct>", 2))));
    }

    @Test
    void readsAJw305PerStartProduct() throws Exception {
        String xml = tekst("jw305-start.xml");
        RecordingSink sink = lees(reader, xml, "jw305-start.xml");

        assertThat(sink.berichten).hasSize(1);
        assertThat(sink.berichten.get(0).kind()).isEqualTo(
                new KindIdentiteit("111222333", null, LocalDate.of(2011, 5, 4), "Voorbeeld", null, null));
        assertThat(sink.berichten.get(0).regels()).containsExactly(
                new JeugdhulpRegel(Berichttype.JW305, "START-0007", LocalDate.of(2026, 3, 20), "0599", "12345678",
                        null, "700101", "45", "45A07", null, null, null, LocalDate.of(2026, 3, 18), null,
                        null, null, "1",
                        new Herkomst("jw305-start.xml", regelVan(xml, "<jw305:StartProduct>", 1))),
                // ToewijzingNummer and Product are optional in a StartProduct (minOccurs 0 in JW305.xsd)
                new JeugdhulpRegel(Berichttype.JW305, "START-0007", LocalDate.of(2026, 3, 20), "0599", "12345678",
                        null, null, null, null, null, null, null, LocalDate.of(2026, 3, 19), null,
                        null, null, "1",
                        new Herkomst("jw305-start.xml", regelVan(xml, "<jw305:StartProduct>", 2))));
    }

    @Test
    void readsAJw307PerStopProduct() throws Exception {
        String xml = tekst("jw307-stop.xml");
        RecordingSink sink = lees(reader, xml, "jw307-stop.xml");

        assertThat(sink.berichten).hasSize(1);
        assertThat(sink.berichten.get(0).kind()).isEqualTo(
                new KindIdentiteit("111222333", null, LocalDate.of(2011, 5, 4), "Voorbeeld", "de", "Daan"));
        assertThat(sink.berichten.get(0).regels()).containsExactly(
                new JeugdhulpRegel(Berichttype.JW307, "STOP-0003", LocalDate.of(2026, 6, 1), "0599", "12345678",
                        null, "700101", "46", null, null, null, null, LocalDate.of(2026, 3, 18),
                        LocalDate.of(2026, 5, 29), null, "32", "1",
                        new Herkomst("jw307-stop.xml", regelVan(xml, "<jw307:StopProduct>", 1))));
    }

    @Test
    void readsStatusAanlevering3AsGivenAsAWithdrawal() throws Exception {
        RecordingSink sink = lees(reader, tekst("jw305-intrekking.xml"), "jw305-intrekking.xml");

        assertThat(sink.berichten).hasSize(1);
        JeugdhulpRegel regel = sink.berichten.get(0).regels().get(0);
        assertThat(regel.statusAanlevering()).isEqualTo("3");
        assertThat(regel.isIntrekking()).isTrue();
        assertThat(regel.toewijzingNummer()).isEqualTo("700101");
    }

    @Test
    void readsAMessageWithoutBerichtVersieAndSubversie() throws Exception {
        String xml = tekst("jw305-start.xml")
                .replace("<jw305:BerichtVersie>3</jw305:BerichtVersie>", "")
                .replace("<jw305:BerichtSubversie>2</jw305:BerichtSubversie>", "");
        RecordingSink sink = lees(reader, xml, "zonder-versie.xml");

        assertThat(sink.berichten).hasSize(1);
        assertThat(sink.berichten.get(0).regels()).hasSize(2);
    }

    @Test
    void skipsAJw317WithANoteAndStoresNothing() throws Exception {
        RecordingSink sink = lees(reader, tekst("jw317-wijziging.xml"), "jw317-wijziging.xml");

        assertThat(sink.berichten).isEmpty();
        assertThat(sink.registraties).isEmpty();
        assertThat(sink.meldingen).isEmpty();
        assertThat(sink.rowErrors).isEmpty();
        assertThat(sink.snapshots).isEmpty();
        assertThat(sink.notes).singleElement().satisfies(note -> {
            assertThat(note).startsWith("JW317 VOW-0001").contains("dit iJw-berichttype leest de hub niet, overgeslagen");
            assertThat(note).doesNotContain("123456782");
        });
    }

    @Test
    void doesNotCheckWhatASkippedMessageHolds() throws Exception {
        // A JW317's client is not read, so a BSN that would be rejected in a JW305 does not matter here.
        String xml = tekst("jw317-wijziging.xml").replace("<jw317:Bsn>123456782</jw317:Bsn>", "<jw317:Bsn/>");
        RecordingSink sink = lees(reader, xml, "jw317.xml");

        assertThat(sink.berichten).isEmpty();
        assertThat(sink.notes).singleElement().asString().startsWith("JW317 VOW-0001");
    }

    @Test
    void skipsARetourMessageOfIjw32() throws Exception {
        String xml = tekst("jw317-wijziging.xml").replace("jw317", "jw302").replace("486", "437");
        RecordingSink sink = lees(reader, xml, "jw302.xml");

        assertThat(sink.berichten).isEmpty();
        assertThat(sink.notes).singleElement().asString().startsWith("JW302 VOW-0001");
    }

    @Test
    void usesTheElementNamesAndDatePatternOfTheMappingFile(@TempDir Path dir) throws Exception {
        // A gemeente whose supplier names the BSN element differently and writes dd-MM-yyyy dates.
        Path mappings = dir.resolve("mappings");
        copy(Path.of("mappings"), mappings);
        Path yaml = mappings.resolve("ijw.yaml");
        Files.writeString(yaml, Files.readString(yaml)
                .replace("datePattern: yyyy-MM-dd", "datePattern: dd-MM-yyyy")
                .replace("bsn: [Client/Bsn]", "bsn: [Client/Burgerservicenummer, Client/Bsn]"));
        IjwReader aangepast = new IjwReader(Mappings.load(mappings, mappings.resolve("swv-scholen.csv")));
        String xml = tekst("jw305-start.xml")
                .replace("<jw305:Bsn>111222333</jw305:Bsn>",
                        "<jw305:Burgerservicenummer>123456782</jw305:Burgerservicenummer>")
                .replaceAll("(\\d{4})-(\\d{2})-(\\d{2})", "$3-$2-$1");

        RecordingSink sink = lees(aangepast, xml, "aangepast.xml");

        assertThat(sink.berichten).hasSize(1);
        assertThat(sink.berichten.get(0).kind().bsn()).isEqualTo("123456782");
        assertThat(sink.berichten.get(0).kind().geboortedatum()).isEqualTo(LocalDate.of(2011, 5, 4));
        assertThat(sink.berichten.get(0).regels().get(0).begindatum()).isEqualTo(LocalDate.of(2026, 3, 18));
        // and the project's own mapping no longer reads that file
        assertThatThrownBy(() -> lees(reader, xml, "aangepast.xml"))
                .isInstanceOf(UnreadableFileException.class);
    }

    @Test
    void aMappingWithoutAFieldStopsStartUp(@TempDir Path dir) throws Exception {
        Path mappings = dir.resolve("mappings");
        copy(Path.of("mappings"), mappings);
        Path yaml = mappings.resolve("ijw.yaml");
        Files.writeString(yaml, Files.readString(yaml).replaceAll("(?m)^\\s*jw305\\.regel:.*$", ""));
        Mappings zonderStart = Mappings.load(mappings, mappings.resolve("swv-scholen.csv"));

        assertThatThrownBy(() -> new IjwReader(zonderStart))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jw305.regel");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var paden = Files.walk(from)) {
            for (Path p : paden.toList()) {
                Path doel = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(doel);
                } else {
                    Files.copy(p, doel);
                }
            }
        }
    }
}

package nl.kindplan.hub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import nl.kindplan.hub.EdexmlBestanden;
import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.HubTestSupport;
import nl.kindplan.hub.TestBsn;
import nl.kindplan.hub.domain.Elfproef;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;

/**
 * No full BSN and no name in the log. Runs after the other tests of the hub (junit-platform.properties
 * orders classes by @Order), runs a night of its own with a named child whose message is
 * dead-lettered and a file with bad rows, then scans everything the hub logged in this JVM, in the
 * production log pattern, for every BSN and onderwijsnummer the tests used and for the child's name.
 */
@Order(Integer.MAX_VALUE)
class LogScanTest extends HubTestSupport {

    private static final Path LOG = Path.of("target", "test-hub.log");
    private static final String ACHTERNAAM = "Logscanvelde";

    @Autowired
    TestRestTemplate http;

    @Test
    void afterAllTheNightsOfTheTestsTheLogHoldsNoBsnAndNoName() throws Exception {
        String bsn = TestBsn.bsn();
        drop("edexml", "edexml-logscan.xml", EdexmlBestanden.school("10AA", "00", "2026-01-05", bsn)
                .replace("<achternaam>Test</achternaam>", "<achternaam>" + ACHTERNAAM + "</achternaam>"));
        // a thuiszitter in gemeente 0998, whose webhook always fails: the message is retried and dead-lettered
        drop("verzuim", "verzuim-logscan.csv", "meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;geboortedatum;"
                + "brin;vestiging;gemeentecode;begindatum;einddatum;uren;vermoedelijke_reden\n"
                + "LS-1;2026-01-06T08:00:00;R;LRV;" + bsn + ";2013-04-05;10AA;00;0998;2026-01-05;;;\n"
                + "LS-2;2026-01-06T08:00:00;R;LRV;123456789;2013-04-05;10AA;00;0998;2026-01-05;;;\n"
                + "LS-3;2026-01-06T08:00:00;R;LRV;" + TestBsn.bsn() + ";2013-02-30;10AA;00;0998;2026-01-05;;;\n"
                + otherChildren(20));

        JsonNode run = new HubApi(http).runNight(LocalDate.of(2026, 4, 6));

        assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("counts").path("messages.DEAD").asLong()).as("the message that was logged as dead: %s", run).isPositive();
        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        // the log is the real one: it tells of this night, its refused rows and its dead letter
        assertThat(log).contains("verzuim-logscan.csv: taken in 21 row(s), rejected 2").contains("dead-lettered");
        Set<String> numbers = TestBsn.issued();
        assertThat(numbers).hasSizeGreaterThanOrEqualTo(22);
        for (String number : numbers) {
            assertThat(log).as("the log holds BSN/onderwijsnummer %s", Elfproef.masker(number)).doesNotContain(number);
        }
        assertThat(log).doesNotContain("123456789").doesNotContain(ACHTERNAAM);
        System.out.printf("log scan: %d BSNs and onderwijsnummers of the tests and 1 name, none in %d lines of log%n",
                numbers.size(), log.lines().count());
    }

    private static String otherChildren(int count) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < count; i++) {
            rows.append("LS-OK-").append(i).append(";2026-03-30T08:00:00;R;V3;").append(TestBsn.bsn())
                    .append(";2013-04-05;10AB;00;0994;2026-03-30;;;\n");
        }
        return rows.toString();
    }
}

package nl.kindplan.hub.dashboard;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import nl.kindplan.hub.HubTestSupport;
import nl.kindplan.hub.TestBsn;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A night with a few cases, as the dashboard tests need it: two thuiszitters at one school, one past
 * three months, one not; a child never registered (absoluut verzuim, no school and so no SWV); and a
 * verzuim file that is rejected whole because half its rows are bad (a BSN that fails the 11-proef).
 * The store is shared: DashboardApiTest alone has school 20BB of samenwerkingsverband VO2703 (which no
 * other test uses), the other dashboard tests have 20BE (VO2704).
 */
abstract class DashboardTestSupport extends HubTestSupport {

    static final String GEMEENTE = "0994";
    /** School and samenwerkingsverband of DashboardApiTest only, and of the other dashboard tests. */
    static final String OWN_SCHOOL = "20BB";
    static final String OWN_SWV = "VO2703";
    static final String SHARED_SCHOOL = "20BE";
    private static final AtomicInteger NIGHTS = new AtomicInteger();

    /** The children of one night, and the names of its files. */
    record Night(String thuiszitterLang, String thuiszitterKort, String nooitIngeschreven, String foutBsn,
                 String verzuimFile, String inschrijvingenFile, String rejectedFile) {

        List<String> bsns() {
            return List.of(thuiszitterLang, thuiszitterKort, nooitIngeschreven, foutBsn);
        }
    }

    static Night dropNightWithCases(LocalDate asOf) {
        return dropNightWithCases(asOf, SHARED_SCHOOL);
    }

    static Night dropNightWithCases(LocalDate asOf, String school) {
        int n = NIGHTS.incrementAndGet();
        String lang = TestBsn.bsn();
        String kort = TestBsn.bsn();
        String nooit = TestBsn.bsn();
        String goed = TestBsn.bsn();
        String valid = TestBsn.bsn();
        // the last digit one up: the 11-proef fails
        String fout = valid.substring(0, 8) + (char) ('0' + (valid.charAt(8) - '0' + 1) % 10);

        String inschrijvingen = "soort;mutatie;regel_id;bsn;geboortedatum;gemeentecode;brin;vestiging;onderwijssoort;"
                + "begindatum;einddatum;reden\n"
                + "INSCHRIJVING;TOEGEVOEGD;DASH-" + lang + ";" + lang + ";2012-05-01;" + GEMEENTE + ";" + school + ";00;VO;2024-08-20;;\n"
                + "INSCHRIJVING;TOEGEVOEGD;DASH-" + kort + ";" + kort + ";2012-06-01;" + GEMEENTE + ";" + school + ";00;VO;2024-08-20;;\n";
        String header = "meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;geboortedatum;brin;vestiging;"
                + "gemeentecode;begindatum;einddatum;uren;vermoedelijke_reden\n";
        String verzuim = header
                + melding(school, "DASH-L-" + lang, asOf.minusDays(119), "LRV", lang, "2012-05-01", asOf.minusDays(120))
                + melding(school, "DASH-K-" + kort, asOf.minusDays(9), "LRV", kort, "2012-06-01", asOf.minusDays(10))
                + melding(school, "DASH-N-" + nooit, asOf.minusDays(29), "V3", nooit, "2013-03-03", asOf.minusDays(30));
        String kapot = header
                + melding(school, "DASH-G-" + goed, asOf.minusDays(5), "V3", goed, "2013-04-04", asOf.minusDays(6))
                + melding(school, "DASH-F-" + fout, asOf.minusDays(5), "V3", fout, "2013-04-04", asOf.minusDays(6));

        Night night = new Night(lang, kort, nooit, fout, "verzuim-dash-" + n + ".csv",
                "inschrijvingen-dash-" + n + ".csv", "verzuim-dash-kapot-" + n + ".csv");
        drop("inschrijvingen", night.inschrijvingenFile(), inschrijvingen);
        drop("verzuim", night.verzuimFile(), verzuim);
        drop("verzuim", night.rejectedFile(), kapot);
        return night;
    }

    /** A dead letter as it lies on the queue: its outbox entry and the JMS message routes/dead-letter.yaml sends. */
    record DeadLetter(long outboxId, String caseId, String payload) {
    }

    /**
     * Makes the message of a child's newest case event to its gemeente a dead letter, as if its
     * delivery over {@code channel} to {@code destination} had failed: its outbox entry is DEAD (a new
     * entry for a webhook; gemeente 0994 has none configured), and the message is on kindplan.dlq with
     * the properties the dead-letter route sets. No child of gemeente 0998, whose webhook really fails,
     * is needed: such a child would be judged again by the other tests' nights and fail their webhook counts.
     */
    static DeadLetter deadLetter(JdbcTemplate jdbc, String bsn, String channel, String destination, String reason)
            throws Exception {
        Map<String, Object> sent = jdbc.queryForMap("""
                SELECT o.id, o.case_event_id, o.payload, e.case_id, e.event, c.signal FROM outbox o
                  JOIN case_event e ON e.id = o.case_event_id JOIN signal_case c ON c.case_id = e.case_id
                  JOIN kind k ON k.id = c.kind_id
                 WHERE k.bsn = ? AND o.recipient_type = 'GEMEENTE' AND o.channel = 'JMS'
                 ORDER BY o.id DESC LIMIT 1""", bsn);
        long outboxId;
        if ("JMS".equals(channel)) {
            outboxId = ((Number) sent.get("id")).longValue();
            jdbc.update("UPDATE outbox SET status = 'DEAD', last_error = ? WHERE id = ?", reason, outboxId);
        } else {
            jdbc.update("INSERT INTO outbox (case_event_id, recipient_type, recipient_code, channel, destination, payload, "
                            + "status, attempts, last_error, created_at) VALUES (?, 'GEMEENTE', ?, 'WEBHOOK', ?, ?, 'DEAD', 4, ?, ?)",
                    sent.get("case_event_id"), GEMEENTE, destination, sent.get("payload"), reason,
                    Timestamp.valueOf(LocalDateTime.now()));
            outboxId = jdbc.queryForObject("SELECT id FROM outbox WHERE case_event_id = ? AND channel = 'WEBHOOK' "
                    + "AND recipient_code = ?", Long.class, sent.get("case_event_id"), GEMEENTE);
        }
        String caseId = (String) sent.get("case_id");
        putOnDeadLetterQueue((String) sent.get("payload"), caseId, (String) sent.get("event"),
                (String) sent.get("signal"), reason, String.valueOf(outboxId));
        return new DeadLetter(outboxId, caseId, (String) sent.get("payload"));
    }

    /** Puts a message on kindplan.dlq with the properties of routes/dead-letter.yaml (outboxId may be missing). */
    static void putOnDeadLetterQueue(String payload, String caseId, String event, String signal, String reason,
                                     String outboxId) throws Exception {
        Connection connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT).createConnection();
        try {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("kindplan.dlq"));
            TextMessage m = session.createTextMessage(payload);
            m.setStringProperty("caseId", caseId);
            m.setStringProperty("event", event);
            m.setStringProperty("signal", signal);
            m.setStringProperty("reason", reason);
            if (outboxId != null) {
                m.setStringProperty("outboxId", outboxId);
            }
            producer.send(m);
        } finally {
            connection.close();
        }
    }

    private static String melding(String school, String nummer, LocalDate mutatie, String soort, String bsn,
                                  String geboortedatum, LocalDate begin) {
        return String.join(";", nummer, mutatie + "T09:00:00", "R", soort, bsn, geboortedatum, school, "00", GEMEENTE,
                begin.toString(), "", "20", "") + "\n";
    }
}

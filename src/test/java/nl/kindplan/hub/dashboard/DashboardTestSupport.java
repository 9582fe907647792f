package nl.kindplan.hub.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import nl.kindplan.hub.HubTestSupport;
import nl.kindplan.hub.TestBsn;

/**
 * A night with a few cases, as the dashboard tests need it: two thuiszitters at school 20BC
 * (samenwerkingsverband VO2703, which no other test uses), one past three months, one not; a child
 * never registered (absoluut verzuim, no school and so no SWV); and a verzuim file that is rejected
 * whole because half its rows are bad (a BSN that fails the 11-proef).
 */
abstract class DashboardTestSupport extends HubTestSupport {

    static final String GEMEENTE = "0994";
    static final String SWV = "VO2703";
    private static final AtomicInteger NIGHTS = new AtomicInteger();

    /** The children of one night, and the names of its files. */
    record Night(String thuiszitterLang, String thuiszitterKort, String nooitIngeschreven, String foutBsn,
                 String verzuimFile, String inschrijvingenFile, String rejectedFile) {

        List<String> bsns() {
            return List.of(thuiszitterLang, thuiszitterKort, nooitIngeschreven, foutBsn);
        }
    }

    static Night dropNightWithCases(LocalDate asOf) {
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
                + "INSCHRIJVING;TOEGEVOEGD;DASH-" + lang + ";" + lang + ";2012-05-01;" + GEMEENTE + ";20BC;00;VO;2024-08-20;;\n"
                + "INSCHRIJVING;TOEGEVOEGD;DASH-" + kort + ";" + kort + ";2012-06-01;" + GEMEENTE + ";20BC;00;VO;2024-08-20;;\n";
        String header = "meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;geboortedatum;brin;vestiging;"
                + "gemeentecode;begindatum;einddatum;uren;vermoedelijke_reden\n";
        String verzuim = header
                + melding("DASH-L-" + lang, asOf.minusDays(119), "LRV", lang, "2012-05-01", asOf.minusDays(120))
                + melding("DASH-K-" + kort, asOf.minusDays(9), "LRV", kort, "2012-06-01", asOf.minusDays(10))
                + melding("DASH-N-" + nooit, asOf.minusDays(29), "V3", nooit, "2013-03-03", asOf.minusDays(30));
        String kapot = header
                + melding("DASH-G-" + goed, asOf.minusDays(5), "V3", goed, "2013-04-04", asOf.minusDays(6))
                + melding("DASH-F-" + fout, asOf.minusDays(5), "V3", fout, "2013-04-04", asOf.minusDays(6));

        Night night = new Night(lang, kort, nooit, fout, "verzuim-dash-" + n + ".csv",
                "inschrijvingen-dash-" + n + ".csv", "verzuim-dash-kapot-" + n + ".csv");
        drop("inschrijvingen", night.inschrijvingenFile(), inschrijvingen);
        drop("verzuim", night.verzuimFile(), verzuim);
        drop("verzuim", night.rejectedFile(), kapot);
        return night;
    }

    private static String melding(String nummer, LocalDate mutatie, String soort, String bsn, String geboortedatum,
                                  LocalDate begin) {
        return String.join(";", nummer, mutatie + "T09:00:00", "R", soort, bsn, geboortedatum, "20BC", "00", GEMEENTE,
                begin.toString(), "", "20", "") + "\n";
    }
}

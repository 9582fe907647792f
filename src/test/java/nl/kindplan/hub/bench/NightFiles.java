package nl.kindplan.hub.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import nl.kindplan.hub.bench.BenchKind.Melding;
import nl.kindplan.hub.bench.BenchKind.Registratie;
import nl.kindplan.hub.bench.BenchKind.Traject;
import nl.kindplan.hub.bench.IjwFiles.Type;
import nl.kindplan.hub.demo.DemoSchool;

/**
 * Writes the files of the first night (everything known on the day before {@code asOf}) and of the
 * delta night a week later (what changed in that week) into {@code <folder>/<source>/}, one child
 * at a time. Per gemeente: a DUO verzuim export and a registrations export (a full snapshot on the
 * first night, mutaties on the delta night); one iJw file per message; EDEXML of every other school.
 * National: one verzuim and one registrations CSV for the whole country, no iJw, no EDEXML.
 * With defects: bad rows (a BSN failing the 11-proef, an impossible date) well under the 10 % a file
 * may have, one verzuim file missing a required column and one cut-off JW301 (refused whole), orphan
 * JW305/JW307 and identity conflicts (see {@link Population}).
 */
final class NightFiles {

    private static final DateTimeFormatter DAG = DateTimeFormatter.BASIC_ISO_DATE;
    /** As DUO writes it, seconds always (LocalDateTime.toString leaves out ":00"). */
    private static final DateTimeFormatter MUTATIE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Population population;
    private final List<DemoSchool> scholen;
    private final int children;
    private final boolean national;
    private final boolean defects;

    NightFiles(Population population, List<DemoSchool> scholen, int children, boolean national, boolean defects) {
        this.population = population;
        this.scholen = scholen;
        this.children = children;
        this.national = national;
        this.defects = defects;
    }

    /** New children registered in the week of the delta night. */
    int newChildren() {
        return Math.max(10, children / 200);
    }

    Tally firstNight(Path folder) throws IOException {
        Tally tally = new Tally();
        LocalDate gisteren = population.asOf().minusDays(1);
        String dag = DAG.format(gisteren);
        Map<String, CsvExport> verzuim = new LinkedHashMap<>();
        Map<String, CsvExport> inschrijvingen = new LinkedHashMap<>();
        for (String gemeente : exports()) {
            String deel = national ? "" : gemeente + "-";
            verzuim.put(gemeente, new CsvExport("verzuim", folder.resolve("verzuim/verzuim-" + deel + dag + ".csv"),
                    CsvExport.VERZUIM));
            inschrijvingen.put(gemeente, new CsvExport("inschrijvingen",
                    folder.resolve("inschrijvingen/inschrijvingen-volledig-" + deel + dag + ".csv"),
                    CsvExport.INSCHRIJVINGEN));
        }
        IjwFiles ijw = national ? null : new IjwFiles(folder.resolve("ijw"), tally, 100_000_000_000L);
        EdexmlSnapshots edexml = national ? null : new EdexmlSnapshots(folder.resolve("edexml"), scholen, gisteren);
        boolean badJw301 = !defects;
        for (int nr = 0; nr < children; nr++) {
            BenchKind k = population.kind(nr);
            SplittableRandom fout = population.random(nr, 2);
            CsvExport v = verzuim.get(national ? "" : k.gemeentecode);
            CsvExport ins = inschrijvingen.get(national ? "" : k.gemeentecode);
            for (Registratie reg : k.registraties) {
                registratie(ins, k, reg, "TOEGEVOEGD", k.bsn);
            }
            if (k.conflictBsn != null) {
                Registratie eigen = k.huidigeInschrijving();
                ins.row("INSCHRIJVING", "TOEGEVOEGD", Population.regelId(k.nr, 9, "INS"), k.conflictBsn,
                        k.onderwijsnummer, k.geboortedatum.minusDays(40), k.achternaam, k.voorvoegsel, "Sanne",
                        eigen.gemeentecode(), eigen.school().brin(), eigen.school().vestiging(), eigen.onderwijssoort(),
                        eigen.begindatum(), null, null, null);
                tally.plant("identity conflicts (an onderwijsnummer on a second BSN)");
            }
            for (Melding m : k.meldingen) {
                melding(v, k, m, k.meldingBsn());
            }
            if (defects && !k.meldingen.isEmpty() && fout.nextInt(300) == 0) {
                Melding m = k.meldingen.get(0);
                v.row(Population.meldingsnummer(k.nr, 3), MUTATIE.format(m.laatsteMutatie()), m.status(), m.verzuimsoort(),
                        BenchNumbers.broken(k.bsn != null ? k.bsn : BenchNumbers.bsn(k.nr)), null, k.geboortedatum,
                        k.achternaam, k.voorvoegsel, k.voornamen, m.school().brin(), m.school().vestiging(),
                        m.gemeentecode(), m.begindatum(), null, m.uren(), null);
                tally.plant("bad rows (verzuim, BSN fails the 11-proef)");
            }
            if (defects && !k.registraties.isEmpty() && fout.nextInt(500) == 0) {
                Registratie reg = k.registraties.get(0);
                ins.row(reg.soort(), "TOEGEVOEGD", Population.regelId(k.nr, 8, "INS"), k.bsn, k.onderwijsnummer,
                        k.geboortedatum, k.achternaam, k.voorvoegsel, k.voornamen, reg.gemeentecode(),
                        reg.school() == null ? null : reg.school().brin(),
                        reg.school() == null ? null : reg.school().vestiging(), reg.onderwijssoort(),
                        population.asOf().getYear() + "-02-31", null, null, reg.vrijstelling());
                tally.plant("bad rows (inschrijvingen, impossible date)");
            }
            if (ijw != null && k.traject != null) {
                Traject t = k.traject;
                if (t.jw301Ontbreekt()) {
                    tally.plant("orphan JW305/JW307 (their JW301 never reached the hub)");
                } else {
                    if (t.referentie() != null && t.aangevraagdOp() != null) {
                        ijw.write(Type.JW315, k, t, t.aangevraagdOp());
                    }
                    if (t.toewijzingNummer() != null) {
                        boolean cutOff = !badJw301 && t.startBegin() != null;
                        ijw.write(Type.JW301, k, t, t.toewijzingsdatum(), cutOff);
                        if (cutOff) {
                            badJw301 = true;
                            tally.plant("bad file (JW301 cut off; its JW305 is an orphan)");
                        }
                    }
                }
                if (t.startBegin() != null) {
                    ijw.write(Type.JW305, k, t, t.startDagtekening());
                }
                if (t.stopEinde() != null) {
                    ijw.write(Type.JW307, k, t, t.stopDagtekening());
                }
            }
            if (edexml != null) {
                edexml.add(k);
            }
        }
        if (defects) {
            badVerzuimFile(folder, dag, tally);
        }
        for (CsvExport e : verzuim.values()) {
            e.close(tally);
        }
        for (CsvExport e : inschrijvingen.values()) {
            e.close(tally);
        }
        if (edexml != null) {
            edexml.close(tally);
        }
        return tally;
    }

    /** The week after the first night: a few % of the children changed, and some new ones. */
    Tally deltaNight(Path folder) throws IOException {
        Tally tally = new Tally();
        LocalDate d2 = population.asOf().plusDays(7);
        LocalDate gisteren = d2.minusDays(1);
        String dag = DAG.format(gisteren);
        Map<String, CsvExport> verzuim = new LinkedHashMap<>();
        Map<String, CsvExport> inschrijvingen = new LinkedHashMap<>();
        for (String gemeente : exports()) {
            String deel = national ? "" : gemeente + "-";
            verzuim.put(gemeente, new CsvExport("verzuim", folder.resolve("verzuim/verzuim-" + deel + dag + ".csv"),
                    CsvExport.VERZUIM));
            inschrijvingen.put(gemeente, new CsvExport("inschrijvingen",
                    folder.resolve("inschrijvingen/inschrijvingen-" + deel + dag + ".csv"), CsvExport.INSCHRIJVINGEN));
        }
        IjwFiles ijw = national ? null : new IjwFiles(folder.resolve("ijw"), tally, 200_000_000_000L);
        for (int nr = 0; nr < children + newChildren(); nr++) {
            BenchKind k = population.kind(nr);
            CsvExport v = verzuim.get(national ? "" : k.gemeentecode);
            CsvExport ins = inschrijvingen.get(national ? "" : k.gemeentecode);
            if (nr >= children) {
                for (Registratie reg : k.registraties) {
                    registratie(ins, k, reg, "TOEGEVOEGD", k.bsn);
                }
                for (Melding m : k.meldingen) {
                    melding(v, k, m, k.meldingBsn());
                }
                tally.plant("delta: new children");
                continue;
            }
            SplittableRandom r = population.random(nr, 1);
            int worp = r.nextInt(1000);
            Registratie huidige = k.huidigeInschrijving();
            if (worp < 12) {
                Melding open = k.openMelding();
                if (open != null) {
                    melding(v, k, new Melding(open.meldingsnummer(), open.verzuimsoort(), open.school(),
                            open.gemeentecode(), open.begindatum(), open.uren(), open.reden(), "G",
                            population.tijd(r, d2.minusDays(2)), d2.minusDays(3)), k.meldingBsn());
                    tally.plant("delta: meldingen closed");
                } else if (huidige != null) {
                    melding(v, k, new Melding(Population.meldingsnummer(nr, 1), "V3", huidige.school(),
                            huidige.gemeentecode(), d2.minusDays(6), Population.tussen(r, 16, 40), "Onbekend", "R",
                            population.tijd(r, d2.minusDays(3)), null), k.meldingBsn());
                    tally.plant("delta: new V3 meldingen");
                }
            } else if (worp < 16 && huidige != null && k.openMelding() == null) {
                melding(v, k, new Melding(Population.meldingsnummer(nr, 2), "LRV", huidige.school(),
                        huidige.gemeentecode(), d2.minusDays(5), null, "Schoolweigering", "R",
                        population.tijd(r, d2.minusDays(2)), null), k.meldingBsn());
                tally.plant("delta: new LRV meldingen");
            } else if (worp < 21 && huidige != null) {
                ins.row(huidige.soort(), "GEWIJZIGD", huidige.regelId(), k.bsn, k.onderwijsnummer, k.geboortedatum,
                        k.achternaam, k.voorvoegsel, k.voornamen, huidige.gemeentecode(), huidige.school().brin(),
                        huidige.school().vestiging(), huidige.onderwijssoort(), huidige.begindatum(),
                        d2.minusDays(4), "VERHUIZING", null);
                tally.plant("delta: uitschrijvingen");
            } else if (worp < 28 && ijw != null && k.bsn != null) {
                deltaIjw(ijw, k, r, d2, tally);
            }
        }
        if (defects) {
            badVerzuimFile(folder, dag, tally);
        }
        for (CsvExport e : verzuim.values()) {
            e.close(tally);
        }
        for (CsvExport e : inschrijvingen.values()) {
            e.close(tally);
        }
        return tally;
    }

    private void deltaIjw(IjwFiles ijw, BenchKind k, SplittableRandom r, LocalDate d2, Tally tally) throws IOException {
        Traject t = k.traject;
        if (t != null && t.toewijzingNummer() != null && t.startBegin() != null && t.stopEinde() == null) {
            Traject stop = new Traject(t.aanbieder(), t.referentie(), t.categorie(), t.productcode(), t.verwijzer(),
                    t.aangevraagdOp(), t.toewijzingNummer(), t.toewijzingsdatum(), t.ingang(), t.einde(),
                    t.startBegin(), t.startDagtekening(), d2.minusDays(3), "33", d2.minusDays(2), t.jw301Ontbreekt());
            ijw.write(Type.JW307, k, stop, d2.minusDays(2));
            tally.plant(t.jw301Ontbreekt() ? "delta: orphan JW307" : "delta: care stopped (JW307)");
        } else if (t != null && t.toewijzingNummer() == null) {
            Traject toegewezen = new Traject(t.aanbieder(), t.referentie(), t.categorie(), t.productcode(),
                    t.verwijzer(), t.aangevraagdOp(), Integer.toString(100_000_000 + k.nr), d2.minusDays(3),
                    d2.minusDays(1), null, null, null, null, null, null, false);
            ijw.write(Type.JW301, k, toegewezen, d2.minusDays(3));
            tally.plant("delta: late toewijzingen (JW301)");
        } else if (t == null) {
            LocalDate aangevraagd = Population.werkdag(d2.minusDays(6));
            boolean orphan = defects && r.nextInt(10) == 0;
            Traject nieuw = new Traject("99001001", Population.referentie(k.nr), "45", "45B10", "02", aangevraagd,
                    Integer.toString(200_000_000 + k.nr), aangevraagd.plusDays(2), aangevraagd.plusDays(3), null,
                    aangevraagd.plusDays(3), aangevraagd.plusDays(4), null, null, null, orphan);
            if (orphan) {
                ijw.write(Type.JW305, k, nieuw, nieuw.startDagtekening());
                tally.plant("delta: orphan JW305");
            } else {
                ijw.write(Type.JW315, k, nieuw, aangevraagd);
                ijw.write(Type.JW301, k, nieuw, nieuw.toewijzingsdatum());
                tally.plant("delta: new care (JW315 + JW301)");
            }
        }
    }

    private List<String> exports() {
        return national ? List.of("") : Population.GEMEENTEN;
    }

    private static void registratie(CsvExport ins, BenchKind k, Registratie reg, String mutatie, String bsn)
            throws IOException {
        ins.row(reg.soort(), mutatie, reg.regelId(), bsn, k.onderwijsnummer, k.geboortedatum, k.achternaam,
                k.voorvoegsel, k.voornamen, reg.gemeentecode(), reg.school() == null ? null : reg.school().brin(),
                reg.school() == null ? null : reg.school().vestiging(), reg.onderwijssoort(), reg.begindatum(),
                reg.einddatum(), reg.reden(), reg.vrijstelling());
    }

    private static void melding(CsvExport v, BenchKind k, Melding m, String bsn) throws IOException {
        v.row(m.meldingsnummer(), MUTATIE.format(m.laatsteMutatie()), m.status(), m.verzuimsoort(), bsn, k.onderwijsnummer,
                k.geboortedatum, k.achternaam, k.voorvoegsel, k.voornamen, m.school().brin(), m.school().vestiging(),
                m.gemeentecode(), m.begindatum(), m.einddatum(), m.uren(), m.reden());
    }

    /** A verzuim export whose header lacks laatste_mutatie: refused whole, the others go in. */
    private static void badVerzuimFile(Path folder, String dag, Tally tally) throws IOException {
        List<String> kolommen = CsvExport.VERZUIM.stream().filter(c -> !c.equals("laatste_mutatie")).toList();
        try (CsvExport bad = new CsvExport("verzuim", folder.resolve("verzuim/verzuim-correctie-" + dag + ".csv"),
                kolommen)) {
            bad.row("4999999999", "R", "V3", BenchNumbers.bsn(BenchNumbers.MAX_INDEX / 4), null, "2014-05-01",
                    "Jansen", null, "Sem", "10AA", "00", "0363", "2026-10-01", null, "20", null);
            bad.close(tally);
        }
        tally.plant("bad files (verzuim export without laatste_mutatie)");
    }
}

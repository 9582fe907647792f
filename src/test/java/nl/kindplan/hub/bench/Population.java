package nl.kindplan.hub.bench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

import nl.kindplan.hub.bench.BenchKind.Melding;
import nl.kindplan.hub.bench.BenchKind.Registratie;
import nl.kindplan.hub.bench.BenchKind.Traject;
import nl.kindplan.hub.bench.BenchKind.Verhaal;
import nl.kindplan.hub.demo.DemoSchool;
import nl.kindplan.hub.demo.DemoSchool.Sector;

/**
 * The deterministic benchmark population: child {@code nr} is made from its own random stream
 * (seed and number), so any child can be made again without the others, in any order, and the files
 * of a night are written in one pass with bounded memory. The mix follows the demo's scenarios
 * (signals.md); the defect cases of issue 10 are planted when {@code defects} is on: orphan
 * JW305/JW307 (the JW301 never reached the hub) and identity conflicts (a second BSN registered with
 * a child's onderwijsnummer).
 */
final class Population {

    static final List<String> GEMEENTEN = List.of("0363", "0599", "0518", "0344", "0772", "0014", "0034");
    /** Share of the children per gemeente, in per mille, in the order of {@link #GEMEENTEN}. */
    private static final int[] GEMEENTE_AANDEEL = {300, 220, 180, 120, 80, 60, 40};
    private static final List<String> AANBIEDERS = List.of("99001001", "99001002", "99001003", "99001004",
            "99001005", "99001006");
    private static final String[][] PRODUCTEN = {{"45", "45A01"}, {"45", "45B10"}, {"54", "54001"},
            {"43", "43A10"}, {"46", "46001"}, {"48", "48B01"}, {"41", "41C05"}, {"51", "51001"}};
    private static final String[] VOORNAMEN = {"Emma", "Noah", "Julia", "Liam", "Mila", "Sem", "Tess", "Lucas",
            "Sara", "Finn", "Nora", "Daan", "Yara", "Mohamed", "Fleur", "Levi"};
    private static final String[][] ACHTERNAMEN = {{"de", "Jong"}, {"", "Jansen"}, {"de", "Vries"},
            {"van den", "Berg"}, {"van", "Dijk"}, {"", "Bakker"}, {"", "Visser"}, {"", "Yılmaz"}, {"", "El Amrani"},
            {"", "Öztürk"}, {"", "Nguyen"}, {"", "Şahin"}, {"van der", "Meer"}, {"", "Pinas"}};

    private final long seed;
    private final LocalDate d;
    private final LocalDate gisteren;
    private final List<DemoSchool> po;
    private final List<DemoSchool> vo;
    private final boolean defects;

    Population(long seed, LocalDate asOf, List<DemoSchool> scholen, boolean defects) {
        this.seed = seed;
        this.d = asOf;
        this.gisteren = asOf.minusDays(1);
        this.po = scholen.stream().filter(s -> s.sector() == Sector.PO).toList();
        this.vo = scholen.stream().filter(s -> s.sector() == Sector.VO).toList();
        this.defects = defects;
    }

    LocalDate asOf() {
        return d;
    }

    /** The random stream of child {@code nr} for one purpose (0: the first night, 1: the delta night). */
    SplittableRandom random(int nr, int purpose) {
        return new SplittableRandom(seed * 1_000_003L + nr * 31L + purpose);
    }

    BenchKind kind(int nr) {
        SplittableRandom r = random(nr, 0);
        int worp = r.nextInt(1000);
        Verhaal verhaal = worp < 30 ? Verhaal.THUISZITTER : worp < 50 ? Verhaal.ABSOLUUT_VERZUIM
                : worp < 65 ? Verhaal.ZORG_NIET_TOEGEWEZEN : worp < 80 ? Verhaal.ZORG_GESTOPT
                : worp < 110 ? Verhaal.MATCH : worp < 120 ? Verhaal.LUXE_VERZUIM
                : worp < 130 ? Verhaal.VRIJSTELLING : worp < 135 ? Verhaal.EMIGRATIE
                : worp < 155 ? Verhaal.SCHOOLWISSEL : Verhaal.GEWOON;
        boolean zorg = verhaal == Verhaal.ZORG_NIET_TOEGEWEZEN || verhaal == Verhaal.ZORG_GESTOPT
                || verhaal == Verhaal.MATCH;
        int id = r.nextInt(100);
        // iJw needs a BSN; otherwise a few children have only an onderwijsnummer, a few both
        boolean metBsn = zorg || id >= 3;
        boolean metOnderwijsnummer = id < 8;
        int leeftijd = verhaal == Verhaal.GEWOON && r.nextInt(10) == 0 ? tussen(r, 18, 19) : tussen(r, 5, 17);
        String[] naam = ACHTERNAMEN[r.nextInt(ACHTERNAMEN.length)];
        BenchKind k = new BenchKind(nr, metBsn ? BenchNumbers.bsn(nr) : null,
                metOnderwijsnummer ? BenchNumbers.onderwijsnummer(nr) : null, geboortedatum(r, leeftijd),
                r.nextBoolean() ? "1" : "2", VOORNAMEN[r.nextInt(VOORNAMEN.length)], naam[0], naam[1],
                gemeente(r), String.format("%04d%c%c", 1000 + r.nextInt(9000), (char) ('A' + r.nextInt(26)),
                        (char) ('A' + r.nextInt(26))), verhaal);
        switch (verhaal) {
            case GEWOON -> gewoon(r, k);
            case THUISZITTER -> {
                Registratie reg = huidige(r, k);
                LocalDate begin = r.nextInt(5) < 2 ? dagenTerug(r, 100, 240) : dagenTerug(r, 5, 60);
                openMelding(r, k, 0, "LRV", reg.school(), begin, null, "Schoolweigering");
            }
            case ABSOLUUT_VERZUIM -> {
                LocalDate einde = r.nextBoolean() ? dagenTerug(r, 100, 200) : dagenTerug(r, 10, 90);
                Registratie oud = beeindigd(r, k, 0, einde, r.nextBoolean() ? "VERHUIZING" : "OVERIG");
                LocalDate begin = min(einde.plusDays(tussen(r, 1, 10)), d.minusDays(2));
                openMelding(r, k, 0, "O", oud.school(), begin, null, "Uitgeschreven, geen nieuwe school bekend");
            }
            case ZORG_NIET_TOEGEWEZEN -> {
                Registratie reg = huidige(r, k);
                openMelding(r, k, 0, "V3", reg.school(), dagenTerug(r, 10, 80), tussen(r, 16, 60), "Onbekend");
                LocalDate aangevraagd = werkdag(d.minusDays(tussen(r, 12, 50)));
                k.traject = new Traject(kies(r, AANBIEDERS), referentie(nr), "45", "45A01", "02", aangevraagd, null,
                        null, aangevraagd.plusDays(14), null, null, null, null, null, null, false);
            }
            case ZORG_GESTOPT -> {
                Registratie reg = huidige(r, k);
                openMelding(r, k, 0, "V3", reg.school(), dagenTerug(r, 10, 120), tussen(r, 16, 60), "Onbekend");
                k.traject = zorg(r, k, dagenTerug(r, 150, 300), dagenTerug(r, 5, 85),
                        new String[] {"32", "33", "36"}[r.nextInt(3)]);
            }
            case MATCH -> {
                Registratie reg = huidige(r, k);
                openMelding(r, k, 0, r.nextInt(5) == 0 ? "LRV" : "V3", reg.school(), dagenTerug(r, 5, 150),
                        tussen(r, 16, 60), "Ziekmeldingen zonder verklaring");
                k.traject = zorg(r, k, dagenTerug(r, 40, 320), null, null);
            }
            case LUXE_VERZUIM -> {
                Registratie reg = huidige(r, k);
                openMelding(r, k, 0, "L", reg.school(), dagenTerug(r, 5, 40), tussen(r, 8, 40), "Vakantie");
            }
            case VRIJSTELLING -> k.registraties.add(new Registratie(regelId(nr, 0, "VRS"), "VRIJSTELLING",
                    k.gemeentecode, null, null, k.geboortedatum.plusYears(5).withDayOfMonth(1).plusMonths(1), null,
                    null, "5a"));
            case EMIGRATIE -> beeindigd(r, k, 0, dagenTerug(r, 15, 150), "EMIGRATIE");
            case SCHOOLWISSEL -> {
                LocalDate einde = dagenTerug(r, 15, 80);
                Registratie oud = beeindigd(r, k, 0, einde, "SCHOOLWISSEL");
                LocalDate begin = einde.plusDays(tussen(r, 1, 5));
                Sector sector = sector(k, begin);
                k.registraties.add(new Registratie(regelId(nr, 1, "INS"), "INSCHRIJVING", k.gemeentecode,
                        school(r, sector), onderwijssoort(sector), begin, null, null, null));
            }
        }
        // drawn whether or not defects are on, so that the rest of the population is the same either way
        if (k.onderwijsnummer != null && k.bsn != null && k.huidigeInschrijving() != null && r.nextInt(50) == 0
                && defects) {
            // one onderwijsnummer on two BSNs (issue 10, defect 3): the second BSN's own registration
            k.conflictBsn = BenchNumbers.bsn(BenchNumbers.MAX_INDEX / 2 + nr);
        }
        return k;
    }

    private void gewoon(SplittableRandom r, BenchKind k) {
        Registratie reg = huidige(r, k);
        int ruis = r.nextInt(100);
        // iJw needs a BSN: a child known only by onderwijsnummer gets no care here
        if (ruis < 6 && k.bsn == null) {
            return;
        }
        if (ruis < 4) {
            k.traject = zorg(r, k, dagenTerug(r, 40, 320), null, null);
        } else if (ruis < 6) {
            k.traject = zorg(r, k, dagenTerug(r, 400, 600), dagenTerug(r, 100, 200), "31");
        } else if (ruis < 14) {
            LocalDate begin = dagenTerug(r, 30, 300);
            LocalDate einde = begin.plusDays(tussen(r, 5, 20));
            k.meldingen.add(new Melding(meldingsnummer(k.nr, 0), k.leeftijdOp(d) >= 18 ? "V4" : "V3", reg.school(),
                    k.gemeentecode, begin, tussen(r, 16, 40), "Onbekend", "G", tijd(r, einde.plusDays(tussen(r, 1, 5))),
                    einde));
        } else if (ruis < 16) {
            LocalDate begin = dagenTerug(r, 20, 200);
            k.meldingen.add(new Melding(meldingsnummer(k.nr, 0), "V3", reg.school(), k.gemeentecode, begin,
                    tussen(r, 16, 30), null, r.nextBoolean() ? "K" : "I", tijd(r, begin.plusDays(tussen(r, 2, 12))),
                    null));
        }
    }

    /** Care requested (JW315 for four in five), assigned (JW301), started (JW305), maybe stopped (JW307). */
    private Traject zorg(SplittableRandom r, BenchKind k, LocalDate aangevraagd, LocalDate stopEinde, String reden) {
        LocalDate aanvraag = werkdag(aangevraagd);
        LocalDate toegewezen = aanvraag.plusDays(tussen(r, 2, 5));
        LocalDate ingang = toegewezen.plusDays(tussen(r, 0, 14));
        LocalDate einde = r.nextInt(10) < 3 ? null : ingang.plusDays(364);
        LocalDate begin = min(ingang.plusDays(tussen(r, 0, 10)), gisteren.minusDays(1));
        LocalDate startDag = min(begin.plusDays(tussen(r, 1, 5)), gisteren);
        String[] product = PRODUCTEN[r.nextInt(PRODUCTEN.length)];
        LocalDate stop = stopEinde == null ? null : max(stopEinde, begin.plusDays(1));
        boolean ontbreekt = r.nextInt(100) == 0 && defects;
        return new Traject(kies(r, AANBIEDERS), r.nextInt(5) > 0 ? referentie(k.nr) : null, product[0], product[1],
                "02", aanvraag, Integer.toString(100_000_000 + k.nr), toegewezen, ingang, einde, begin, startDag,
                stop == null || stop.isAfter(gisteren) ? null : stop, reden,
                stop == null ? null : min(stop.plusDays(tussen(r, 1, 3)), gisteren), ontbreekt);
    }

    private Registratie huidige(SplittableRandom r, BenchKind k) {
        Sector sector = sector(k, gisteren);
        Registratie reg = new Registratie(regelId(k.nr, 0, "INS"), "INSCHRIJVING", k.gemeentecode, school(r, sector),
                onderwijssoort(sector), gebruikelijkeBegin(r, k, sector, gisteren), null, null, null);
        k.registraties.add(reg);
        return reg;
    }

    private Registratie beeindigd(SplittableRandom r, BenchKind k, int volgnr, LocalDate einde, String reden) {
        Sector sector = sector(k, einde);
        LocalDate begin = min(gebruikelijkeBegin(r, k, sector, einde.minusDays(30)), einde.minusDays(30));
        Registratie reg = new Registratie(regelId(k.nr, volgnr, "INS"), "INSCHRIJVING", k.gemeentecode,
                school(r, sector), onderwijssoort(sector), begin, einde, reden, null);
        k.registraties.add(reg);
        return reg;
    }

    private void openMelding(SplittableRandom r, BenchKind k, int volgnr, String soort, DemoSchool school,
                             LocalDate begin, Integer uren, String reden) {
        LocalDate geregistreerd = min(begin.plusDays(tussen(r, 1, 5)), gisteren);
        LocalDate inBehandeling = geregistreerd.plusDays(tussen(r, 3, 20));
        boolean b = r.nextInt(10) < 6 && !inBehandeling.isAfter(gisteren);
        k.meldingen.add(new Melding(meldingsnummer(k.nr, volgnr), soort, school, k.gemeentecode, begin, uren, reden,
                b ? "B" : "R", tijd(r, b ? inBehandeling : geregistreerd), null));
    }

    // --- numbers and helpers, shared with the delta night ----------------------------------------

    static String regelId(int nr, int volgnr, String prefix) {
        return prefix + "-" + nr + "-" + volgnr;
    }

    static String meldingsnummer(int nr, int volgnr) {
        return String.format("%010d", 4_000_000_000L + nr * 4L + volgnr);
    }

    static String referentie(int nr) {
        return "REF-" + nr;
    }

    LocalDateTime tijd(SplittableRandom r, LocalDate dag) {
        return dag.atTime(tussen(r, 7, 17), r.nextInt(60), r.nextInt(60));
    }

    Sector sector(BenchKind k, LocalDate dag) {
        return k.leeftijdOp(dag) < 12 ? Sector.PO : Sector.VO;
    }

    DemoSchool school(SplittableRandom r, Sector sector) {
        List<DemoSchool> keuze = sector == Sector.PO ? po : vo;
        return keuze.get(r.nextInt(keuze.size()));
    }

    static String onderwijssoort(Sector sector) {
        return sector == Sector.PO ? "BAO" : "VO";
    }

    private LocalDate gebruikelijkeBegin(SplittableRandom r, BenchKind k, Sector sector, LocalDate uiterlijk) {
        LocalDate begin;
        if (sector == Sector.PO) {
            begin = k.geboortedatum.plusYears(4).plusDays(tussen(r, 0, 20));
        } else {
            begin = LocalDate.of(k.geboortedatum.getYear() + 12, 8, tussen(r, 16, 30));
            while (begin.isAfter(uiterlijk)) {
                begin = begin.minusYears(1);
            }
        }
        return min(begin, uiterlijk);
    }

    private LocalDate geboortedatum(SplittableRandom r, int leeftijd) {
        LocalDate laatst = d.minusYears(leeftijd);
        LocalDate vroegst = d.minusYears(leeftijd + 1L).plusDays(1);
        return vroegst.plusDays(r.nextInt((int) ChronoUnit.DAYS.between(vroegst, laatst) + 1));
    }

    private static String gemeente(SplittableRandom r) {
        int worp = r.nextInt(1000);
        for (int i = 0; i < GEMEENTE_AANDEEL.length; i++) {
            worp -= GEMEENTE_AANDEEL[i];
            if (worp < 0) {
                return GEMEENTEN.get(i);
            }
        }
        return GEMEENTEN.get(0);
    }

    LocalDate dagenTerug(SplittableRandom r, int min, int max) {
        return d.minusDays(tussen(r, min, max));
    }

    static int tussen(SplittableRandom r, int van, int tot) {
        return van + r.nextInt(tot - van + 1);
    }

    static <T> T kies(SplittableRandom r, List<T> lijst) {
        return lijst.get(r.nextInt(lijst.size()));
    }

    /** The working day on or before {@code dag} (weekends only; holidays do not matter to a benchmark). */
    static LocalDate werkdag(LocalDate dag) {
        LocalDate w = dag;
        while (w.getDayOfWeek().getValue() > 5) {
            w = w.minusDays(1);
        }
        return w;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}

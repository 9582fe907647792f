package nl.kindplan.hub.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import nl.kindplan.hub.demo.DemoNames.Gemeente;
import nl.kindplan.hub.demo.DemoSchool.Sector;
import nl.kindplan.hub.demo.DemoWorld.Adres;
import nl.kindplan.hub.demo.DemoWorld.Kind;
import nl.kindplan.hub.demo.DemoWorld.Melding;
import nl.kindplan.hub.demo.DemoWorld.Registratie;
import nl.kindplan.hub.demo.DemoWorld.Soort;
import nl.kindplan.hub.demo.DemoWorld.Start;
import nl.kindplan.hub.demo.DemoWorld.Stop;
import nl.kindplan.hub.demo.DemoWorld.Toewijzing;
import nl.kindplan.hub.demo.DemoWorld.Traject;
import nl.kindplan.hub.demo.DemoWorld.Versie;

/**
 * Builds the demo world: gives each child a {@link Scenario} and the registrations, meldingen and
 * jeugdhulp that make that scenario's signal hold (or, for the edge cases, not hold) on the
 * reference date. All randomness comes from one seeded {@link Random}, consumed in a fixed order, so
 * the same seed and reference date give the same world. Every fact is dated yesterday or earlier.
 */
final class DemoWorldBuilder {

    private static final List<String> AANBIEDERS = List.of(
            "99001001", "99001002", "99001003", "99001004", "99001005", "99001006");
    /** Productcategorie (JZ020) and a product code; repeated entries make a category more common. */
    private static final List<String[]> PRODUCTEN = List.of(
            new String[] {"45", "45A01"}, new String[] {"45", "45A02"}, new String[] {"45", "45B10"},
            new String[] {"54", "54001"}, new String[] {"54", "54002"}, new String[] {"43", "43A10"},
            new String[] {"46", "46001"}, new String[] {"48", "48B01"}, new String[] {"47", "47B01"},
            new String[] {"41", "41C05"}, new String[] {"51", "51001"});
    private static final List<String> VERWIJZERS = List.of("01", "02", "02", "03", "04", "06");
    private static final List<String> VOORTIJDIG = List.of("32", "33", "36");
    private static final List<String> REDEN_ZONDER_NIEUWE_SCHOOL = List.of("VERHUIZING", "OVERIG", "SCHOOLWISSEL");
    private static final List<String> REDEN_V3 = List.of(
            "Ziekmeldingen zonder verklaring", "Onbekend", "Ouders: \"kind wil niet naar school\"",
            "Problemen thuis; ouders moeilijk bereikbaar", "Veelvuldig te laat, vooral op maandag");
    private static final List<String> REDEN_LRV = List.of(
            "Langdurig ziek; geen passend aanbod", "Schoolweigering",
            "Wacht op plaatsing in het speciaal onderwijs", "Psychische klachten; wacht op zorg");
    private static final List<String> REDEN_L = List.of(
            "Vakantie buiten de schoolvakanties", "Familiebezoek buitenland, langer dan toegestaan");
    private static final List<String> REDEN_O = List.of(
            "Uitgeschreven, geen nieuwe school bekend", "Niet ingeschreven na verhuizing");

    private enum Identiteit { BSN, ONDERWIJSNUMMER, BEIDE }

    private final Random r;
    private final LocalDate d;
    private final DeliveryDates lever;
    private final List<DemoSchool> po;
    private final List<DemoSchool> vo;
    private final DemoNumbers nummers;
    private final DemoNames namen;

    private final List<Kind> kinderen = new ArrayList<>();
    private final List<Registratie> registraties = new ArrayList<>();
    private final List<Melding> meldingen = new ArrayList<>();
    private final List<Traject> trajecten = new ArrayList<>();
    /** How many children of each scenario were made so far: variants cycle, so every one shows up. */
    private final Map<Scenario, Integer> perScenario = new EnumMap<>(Scenario.class);
    private int regelTeller;
    private int meldingTeller;
    private int toewijzingTeller;
    private int referentieTeller;

    DemoWorldBuilder(Random random, LocalDate asOf, List<DemoSchool> scholen) {
        this.r = random;
        this.d = asOf;
        this.lever = DeliveryDates.voor(asOf);
        this.po = scholen.stream().filter(s -> s.sector() == Sector.PO).toList();
        this.vo = scholen.stream().filter(s -> s.sector() == Sector.VO).toList();
        if (po.isEmpty() || vo.isEmpty()) {
            throw new IllegalArgumentException("the demo needs at least one PO and one VO school");
        }
        this.nummers = new DemoNumbers(random);
        this.namen = new DemoNames(random);
    }

    DemoWorld bouw(int aantal) {
        List<Scenario> plan = plan(aantal);
        for (int nr = 0; nr < aantal; nr++) {
            switch (plan.get(nr)) {
                case GEWOON -> gewoon(nr);
                case THUISZITTER -> thuiszitter(nr);
                case ABSOLUUT_VERZUIM -> absoluutVerzuim(nr);
                case ZORG_NIET_TOEGEWEZEN -> zorgNietToegewezen(nr);
                case ZORG_GESTOPT_BIJ_VERZUIM -> zorgGestopt(nr);
                case MATCH -> match(nr);
                case LUXE_VERZUIM -> luxeVerzuim(nr);
                case VRIJSTELLING -> vrijstelling(nr);
                case EMIGRATIE -> uitgeschrevenZonderNieuweSchool(nr, Scenario.EMIGRATIE, 6, 16, "EMIGRATIE");
                case DIPLOMA -> uitgeschrevenZonderNieuweSchool(nr, Scenario.DIPLOMA, 16, 17, "DIPLOMA");
                case SCHOOLWISSEL -> schoolwissel(nr);
                case VERHUIZING -> verhuizing(nr);
            }
        }
        return new DemoWorld(d, List.copyOf(kinderen), List.copyOf(registraties), List.copyOf(meldingen),
                List.copyOf(trajecten));
    }

    /** Each scenario its share of the children (at least {@link Scenario#MINIMUM}), shuffled. */
    private List<Scenario> plan(int aantal) {
        List<Scenario> plan = new ArrayList<>(aantal);
        for (Scenario s : Scenario.values()) {
            if (s != Scenario.GEWOON) {
                long n = Math.max(Scenario.MINIMUM, Math.round(aantal * s.aandeel()));
                for (int i = 0; i < n; i++) {
                    plan.add(s);
                }
            }
        }
        if (plan.size() >= aantal) {
            throw new IllegalArgumentException("the demo needs more than " + plan.size()
                    + " children to show every scenario, got " + aantal);
        }
        while (plan.size() < aantal) {
            plan.add(Scenario.GEWOON);
        }
        Collections.shuffle(plan, r);
        return plan;
    }

    // --- scenarios ----------------------------------------------------------------------------

    private void gewoon(int nr) {
        int ruis = r.nextInt(100);
        int leeftijd = r.nextInt(10) == 0 ? tussen(18, 19) : tussen(4, 17);
        Kind k = kind(nr, Scenario.GEWOON, leeftijd, identiteit(ruis < 6));
        Registratie reg = huidigeInschrijving(k, gemeente(k));
        if (ruis < 4) {
            // care without verzuim: no signal
            trajecten.add(zorg(k, vorigeWerkdag(dagenTerug(40, 320)), r.nextBoolean(), null));
        } else if (ruis < 6) {
            trajecten.add(zorg(k, vorigeWerkdag(dagenTerug(400, 600)), true, "31"));
        } else if (ruis < 14) {
            geslotenMelding(k, reg.school(), reg.gemeentecode());
        } else if (ruis < 16) {
            afgedaneMelding(k, reg.school(), reg.gemeentecode());
        } else if (ruis < 18) {
            foutieveInschrijving(k, reg);
        }
    }

    private void thuiszitter(int nr) {
        int variant = volgnummer(Scenario.THUISZITTER);
        Kind k = kind(nr, Scenario.THUISZITTER, tussen(6, 19), identiteit(false));
        Registratie reg = huidigeInschrijving(k, gemeente(k));
        if (r.nextInt(10) < 3) {
            geslotenMelding(k, reg.school(), reg.gemeentecode());
        }
        // two in five long past the 91 days of the Thuiszitterspact (ESCALATIE), the others recent
        LocalDate begin = variant % 5 == 1 || variant % 5 == 3 ? dagenTerug(100, 240) : dagenTerug(5, 60);
        openMelding(k, "LRV", reg.school(), reg.gemeentecode(), begin, null, kies(REDEN_LRV));
    }

    private void absoluutVerzuim(int nr) {
        int variant = volgnummer(Scenario.ABSOLUUT_VERZUIM);
        if (variant % 4 == 3) {
            // never registered anywhere: known only from a melding
            Kind k = kind(nr, Scenario.ABSOLUUT_VERZUIM, tussen(6, 16),
                    r.nextInt(5) == 0 ? Identiteit.ONDERWIJSNUMMER : Identiteit.BSN);
            openMelding(k, "O", school(sectorOp(k, d), null), gemeente(k), dagenTerug(10, 120), null, kies(REDEN_O));
            return;
        }
        Kind k = kind(nr, Scenario.ABSOLUUT_VERZUIM, tussen(6, 16), identiteit(false));
        // half of them more than 91 days ago (ESCALATIE)
        LocalDate einde = variant % 2 == 0 ? dagenTerug(100, 200) : dagenTerug(10, 90);
        Registratie oud = beeindigdeInschrijving(k, gemeente(k), einde, kies(REDEN_ZONDER_NIEUWE_SCHOOL));
        LocalDate begin = min(einde.plusDays(tussen(1, 10)), d.minusDays(2));
        openMelding(k, "O", oud.school(), oud.gemeentecode(), begin, null, kies(REDEN_O));
    }

    private void zorgNietToegewezen(int nr) {
        Kind k = kind(nr, Scenario.ZORG_NIET_TOEGEWEZEN, tussen(6, 17), identiteit(true));
        Registratie reg = huidigeInschrijving(k, gemeente(k));
        openMelding(k, "V3", reg.school(), reg.gemeentecode(), dagenTerug(10, 80), tussen(16, 60), kies(REDEN_V3));
        // well past the 5 working days a gemeente has to answer
        LocalDate aangevraagd = WorkingDays.plus(vorigeWerkdag(d), -tussen(8, 35));
        String[] product = product(k);
        trajecten.add(new Traject(k, gemeente(k), kies(AANBIEDERS), referentie(), product[0], product[1],
                kies(VERWIJZERS), aangevraagd, aangevraagd.plusDays(tussen(7, 21)), null, null, null));
    }

    private void zorgGestopt(int nr) {
        int variant = volgnummer(Scenario.ZORG_GESTOPT_BIJ_VERZUIM);
        Kind k = kind(nr, Scenario.ZORG_GESTOPT_BIJ_VERZUIM, tussen(6, 17), identiteit(true));
        Registratie reg = huidigeInschrijving(k, gemeente(k));
        openMelding(k, "V3", reg.school(), reg.gemeentecode(), dagenTerug(10, 120), tussen(16, 60), kies(REDEN_V3));
        Traject t = zorg(k, vorigeWerkdag(dagenTerug(150, 300)), r.nextInt(5) > 0, null);
        LocalDate einde = dagenTerug(5, 85);
        trajecten.add(stop(t, einde, VOORTIJDIG.get(variant % VOORTIJDIG.size()), false));
    }

    private void match(int nr) {
        boolean stopIngetrokken = volgnummer(Scenario.MATCH) % 5 == 1;
        Kind k = kind(nr, Scenario.MATCH, tussen(6, 19), identiteit(true));
        Registratie reg = huidigeInschrijving(k, gemeente(k));
        String soort = k.leeftijdOp(d) >= 18 ? "V4" : r.nextInt(5) == 0 ? "LRV" : "V3";
        openMelding(k, soort, reg.school(), reg.gemeentecode(), dagenTerug(5, 150),
                "LRV".equals(soort) ? null : tussen(16, 60), kies("LRV".equals(soort) ? REDEN_LRV : REDEN_V3));
        Traject t = zorg(k, vorigeWerkdag(stopIngetrokken ? dagenTerug(100, 320) : dagenTerug(40, 320)),
                r.nextInt(5) > 0, null);
        if (stopIngetrokken) {
            // a stop that the aanbieder withdrew (StatusAanlevering 3): care is still active
            t = stop(t, dagenTerug(10, 30), "35", true);
        }
        trajecten.add(t);
    }

    private void luxeVerzuim(int nr) {
        boolean metZorg = volgnummer(Scenario.LUXE_VERZUIM) % 2 == 1;
        Kind k = kind(nr, Scenario.LUXE_VERZUIM, tussen(5, 15), identiteit(metZorg));
        Registratie reg = huidigeInschrijving(k, gemeente(k));
        openMelding(k, "L", reg.school(), reg.gemeentecode(), dagenTerug(5, 40), tussen(8, 40), kies(REDEN_L));
        if (metZorg) {
            trajecten.add(zorg(k, vorigeWerkdag(dagenTerug(40, 320)), true, null));
        }
    }

    private void vrijstelling(int nr) {
        boolean nooitNaarSchool = volgnummer(Scenario.VRIJSTELLING) % 2 == 0;
        Kind k = kind(nr, Scenario.VRIJSTELLING, tussen(6, 16), identiteit(false));
        if (nooitNaarSchool) {
            // never went to school: vrijgesteld since leerplicht began (first of the month after the 5th birthday)
            LocalDate begin = k.geboortedatum().plusYears(5).withDayOfMonth(1).plusMonths(1);
            vrijstellingsRegel(k, gemeente(k), r.nextInt(3) == 0 ? "5b" : "5a", begin, null);
        } else {
            LocalDate einde = dagenTerug(20, 120);
            beeindigdeInschrijving(k, gemeente(k), einde, "OVERIG");
            vrijstellingsRegel(k, gemeente(k), "5c", einde.plusDays(1), eindeSchooljaar(d));
        }
    }

    private void uitgeschrevenZonderNieuweSchool(int nr, Scenario scenario, int minLeeftijd, int maxLeeftijd,
                                                  String reden) {
        Kind k = kind(nr, scenario, tussen(minLeeftijd, maxLeeftijd), identiteit(false));
        beeindigdeInschrijving(k, gemeente(k), dagenTerug(15, 150), reden);
    }

    private void schoolwissel(int nr) {
        Kind k = kind(nr, Scenario.SCHOOLWISSEL, tussen(5, 17), identiteit(false));
        LocalDate einde = dagenTerug(15, 80);
        Registratie oud = beeindigdeInschrijving(k, gemeente(k), einde, "SCHOOLWISSEL");
        LocalDate begin = einde.plusDays(tussen(1, 5));
        Sector sector = sectorOp(k, begin);
        inschrijving(k, gemeente(k), school(sector, oud.school()), sector, begin, null, null);
    }

    private void verhuizing(int nr) {
        Kind k = kind(nr, Scenario.VERHUIZING, tussen(5, 17), identiteit(false));
        Gemeente vorige = anderDan(k.adres().gemeente());
        LocalDate einde = dagenTerug(15, 80);
        Registratie oud = beeindigdeInschrijving(k, vorige.code(), einde, "VERHUIZING");
        LocalDate begin = einde.plusDays(tussen(1, 6));
        Sector sector = sectorOp(k, begin);
        inschrijving(k, gemeente(k), school(sector, oud.school()), sector, begin, null, null);
    }

    // --- children -----------------------------------------------------------------------------

    /** 0 for the first child of the scenario, 1 for the next, ... */
    private int volgnummer(Scenario scenario) {
        return perScenario.merge(scenario, 1, Integer::sum) - 1;
    }

    private Kind kind(int nr, Scenario scenario, int leeftijd, Identiteit identiteit) {
        String bsn = identiteit == Identiteit.ONDERWIJSNUMMER ? null : nummers.bsn();
        String onderwijsnummer = identiteit == Identiteit.BSN ? null : nummers.onderwijsnummer();
        boolean jongen = r.nextBoolean();
        DemoNames.Achternaam achternaam = namen.achternaam();
        Gemeente gemeente = gemeenteKeuze();
        Adres adres = new Adres(namen.straat(), tussen(1, 250), namen.postcode(gemeente), gemeente);
        Kind k = new Kind(nr, bsn, onderwijsnummer, geboortedatum(leeftijd), jongen ? "1" : "2",
                namen.voornamen(jongen), achternaam.voorvoegsel(), achternaam.naam(), adres, scenario);
        kinderen.add(k);
        return k;
    }

    /** iJw messages need a BSN; otherwise a few children only have an onderwijsnummer, a few both. */
    private Identiteit identiteit(boolean bsnNodig) {
        int worp = r.nextInt(100);
        if (bsnNodig) {
            return worp < 5 ? Identiteit.BEIDE : Identiteit.BSN;
        }
        return worp < 4 ? Identiteit.ONDERWIJSNUMMER : worp < 8 ? Identiteit.BEIDE : Identiteit.BSN;
    }

    /** A birth date that makes the child exactly {@code leeftijd} on the reference date. */
    private LocalDate geboortedatum(int leeftijd) {
        LocalDate laatst = d.minusYears(leeftijd);
        if (leeftijd <= 4) {
            laatst = laatst.minusDays(7);   // at school for at least a few days
        }
        LocalDate vroegst = d.minusYears(leeftijd + 1L).plusDays(1);
        return vroegst.plusDays(r.nextInt((int) ChronoUnit.DAYS.between(vroegst, laatst) + 1));
    }

    private Gemeente gemeenteKeuze() {
        int worp = r.nextInt(100);
        return worp < 45 ? Gemeente.AMSTERDAM : worp < 80 ? Gemeente.ROTTERDAM : Gemeente.DEN_HAAG;
    }

    private Gemeente anderDan(Gemeente gemeente) {
        Gemeente[] alle = Gemeente.values();
        return alle[(gemeente.ordinal() + 1 + r.nextInt(alle.length - 1)) % alle.length];
    }

    private static String gemeente(Kind k) {
        return k.adres().gemeente().code();
    }

    // --- registrations ------------------------------------------------------------------------

    private Registratie huidigeInschrijving(Kind k, String gemeentecode) {
        Sector sector = sectorOp(k, lever.gisteren());
        return inschrijving(k, gemeentecode, school(sector, null), sector,
                gebruikelijkeBegin(k, sector, lever.gisteren()), null, null);
    }

    /** A registration that ended on {@code einde}, begun a while before. */
    private Registratie beeindigdeInschrijving(Kind k, String gemeentecode, LocalDate einde, String reden) {
        Sector sector = sectorOp(k, einde);
        LocalDate begin = min(gebruikelijkeBegin(k, sector, einde.minusDays(30)), einde.minusDays(30));
        return inschrijving(k, gemeentecode, school(sector, null), sector, begin, einde, reden);
    }

    private Registratie inschrijving(Kind k, String gemeentecode, DemoSchool school, Sector sector,
                                     LocalDate begin, LocalDate einde, String reden) {
        Registratie reg = new Registratie(String.format("INS-%07d", ++regelTeller), k, Soort.INSCHRIJVING,
                gemeentecode, school, onderwijssoort(sector), begin, einde, reden, null,
                bekend(begin), einde == null ? null : bekend(einde), null);
        registraties.add(reg);
        return reg;
    }

    private void vrijstellingsRegel(Kind k, String gemeentecode, String code, LocalDate begin, LocalDate einde) {
        registraties.add(new Registratie(String.format("VRS-%07d", ++regelTeller), k, Soort.VRIJSTELLING,
                gemeentecode, null, null, begin, einde, null, code, bekend(begin), null, null));
    }

    /** A registration at another school, entered in error in one week and removed (VERWIJDERD) the next. */
    private void foutieveInschrijving(Kind k, Registratie echte) {
        int week = r.nextInt(lever.mutaties().size() - 1);
        LocalDate bekendOp = lever.mutaties().get(week).minusDays(tussen(0, 6));
        LocalDate verwijderdOp = lever.mutaties().get(week + 1).minusDays(tussen(0, 6));
        Sector sector = echte.school().sector();
        registraties.add(new Registratie(String.format("INS-%07d", ++regelTeller), k, Soort.INSCHRIJVING,
                echte.gemeentecode(), school(sector, echte.school()), onderwijssoort(sector),
                bekendOp.minusDays(tussen(0, 3)), null, null, null, bekendOp, null, verwijderdOp));
    }

    /** The day DUO learnt of a change on {@code dag}: a few days later, never after yesterday. */
    private LocalDate bekend(LocalDate dag) {
        return min(dag.plusDays(tussen(0, 3)), lever.gisteren());
    }

    private Sector sectorOp(Kind k, LocalDate dag) {
        return k.leeftijdOp(dag) < 12 ? Sector.PO : Sector.VO;
    }

    /** PO from about the 4th birthday; VO from late August of the year the child turned 12. */
    private LocalDate gebruikelijkeBegin(Kind k, Sector sector, LocalDate uiterlijk) {
        LocalDate begin;
        if (sector == Sector.PO) {
            begin = k.geboortedatum().plusYears(4).plusDays(tussen(0, 20));
        } else {
            begin = LocalDate.of(k.geboortedatum().getYear() + 12, 8, tussen(16, 30));
            while (begin.isAfter(uiterlijk)) {
                begin = begin.minusYears(1);
            }
        }
        return min(begin, uiterlijk);
    }

    private DemoSchool school(Sector sector, DemoSchool nietDeze) {
        List<DemoSchool> keuze = sector == Sector.PO ? po : vo;
        DemoSchool s = kies(keuze);
        if (s.equals(nietDeze) && keuze.size() > 1) {
            s = keuze.get((keuze.indexOf(s) + 1 + r.nextInt(keuze.size() - 1)) % keuze.size());
        }
        return s;
    }

    private String onderwijssoort(Sector sector) {
        int worp = r.nextInt(100);
        if (sector == Sector.PO) {
            return worp < 92 ? "BAO" : worp < 97 ? "SBO" : "SO";
        }
        return worp < 90 ? "VO" : worp < 95 ? "VSO" : "PRO";
    }

    /** 31 July of the school year the day falls in. */
    private static LocalDate eindeSchooljaar(LocalDate dag) {
        return LocalDate.of(dag.getMonthValue() >= 8 ? dag.getYear() + 1 : dag.getYear(), 7, 31);
    }

    // --- meldingen ----------------------------------------------------------------------------

    /** An open melding (R, often followed by B in a later week), begun on {@code begin}. */
    private void openMelding(Kind k, String soort, DemoSchool school, String gemeentecode, LocalDate begin,
                             Integer uren, String reden) {
        List<Versie> versies = new ArrayList<>();
        LocalDate geregistreerd = min(begin.plusDays(tussen(1, 5)), lever.gisteren());
        versies.add(versie(geregistreerd, "R", null));
        LocalDate inBehandeling = geregistreerd.plusDays(tussen(3, 20));
        if (r.nextInt(10) < 6 && !inBehandeling.isAfter(lever.gisteren())) {
            versies.add(versie(inBehandeling, "B", null));
        }
        melding(k, soort, school, gemeentecode, begin, uren, reden, versies);
    }

    /** A melding that went R → B → G; half of them within the delivered weeks, one status per file. */
    private void geslotenMelding(Kind k, DemoSchool school, String gemeentecode) {
        List<LocalDate> weken = lever.verzuim();
        LocalDate geregistreerd;
        LocalDate inBehandeling;
        LocalDate afgesloten;
        LocalDate begin;
        LocalDate einde;
        if (r.nextBoolean()) {
            geregistreerd = weken.get(0).minusDays(tussen(1, 5));
            inBehandeling = weken.get(1).minusDays(tussen(0, 5));
            afgesloten = weken.get(2 + r.nextInt(2)).minusDays(tussen(0, 5));
            begin = geregistreerd.minusDays(tussen(2, 6));
            einde = afgesloten.minusDays(tussen(1, 5));
        } else {
            begin = dagenTerug(60, 400);
            geregistreerd = begin.plusDays(tussen(1, 5));
            inBehandeling = geregistreerd.plusDays(tussen(3, 15));
            einde = begin.plusDays(tussen(10, 30));
            afgesloten = max(inBehandeling.plusDays(1), einde.plusDays(tussen(1, 10)));
        }
        String soort = k.leeftijdOp(d) >= 18 ? "V4" : "V3";
        melding(k, soort, school, gemeentecode, begin, tussen(16, 40), kies(REDEN_V3), List.of(
                versie(geregistreerd, "R", null), versie(inBehandeling, "B", null), versie(afgesloten, "G", einde)));
    }

    /** A melding taken for information (K) or withdrawn (I): never open. */
    private void afgedaneMelding(Kind k, DemoSchool school, String gemeentecode) {
        LocalDate begin = dagenTerug(20, 200);
        LocalDate geregistreerd = begin.plusDays(tussen(1, 5));
        melding(k, k.leeftijdOp(d) >= 18 ? "V4" : "V3", school, gemeentecode, begin, tussen(16, 30), null,
                List.of(versie(geregistreerd, "R", null),
                        versie(geregistreerd.plusDays(tussen(2, 12)), r.nextBoolean() ? "K" : "I", null)));
    }

    private void melding(Kind k, String soort, DemoSchool school, String gemeentecode, LocalDate begin,
                         Integer uren, String reden, List<Versie> versies) {
        meldingen.add(new Melding(String.format("%010d", 4_000_000_000L + ++meldingTeller), k, soort, school,
                gemeentecode, begin, uren, r.nextInt(5) == 0 ? null : reden, List.copyOf(versies)));
    }

    private Versie versie(LocalDate dag, String status, LocalDate einddatum) {
        LocalDateTime tijd = dag.atTime(tussen(7, 17), r.nextInt(60), r.nextInt(60));
        return new Versie(tijd, status, einddatum);
    }

    // --- jeugdhulp ----------------------------------------------------------------------------

    /**
     * Care requested on {@code aangevraagd} (a JW315 when {@code metAanvraag}, else a toewijzing the
     * gemeente made on its own, e.g. after a GI's referral), assigned within days and started.
     * With {@code stopReden}, it stopped after a few months.
     */
    private Traject zorg(Kind k, LocalDate aangevraagd, boolean metAanvraag, String stopReden) {
        LocalDate toegewezen = WorkingDays.plus(aangevraagd, tussen(2, 4));
        LocalDate ingang = toegewezen.plusDays(tussen(0, 14));
        LocalDate einde = r.nextInt(10) < 3 ? null : ingang.plusDays(364);
        Toewijzing toewijzing = new Toewijzing(Integer.toString(100_000 + ++toewijzingTeller), toegewezen, ingang, einde);
        LocalDate begin = ingang.plusDays(tussen(0, 10));
        Start start = new Start(begin, min(begin.plusDays(tussen(1, 5)), lever.gisteren()));
        String[] product = product(k);
        Traject t = new Traject(k, gemeente(k), kies(AANBIEDERS), metAanvraag ? referentie() : null,
                product[0], product[1], kies(VERWIJZERS), metAanvraag ? aangevraagd : null, ingang,
                toewijzing, start, null);
        if (stopReden != null) {
            t = stop(t, begin.plusDays(tussen(60, 200)), stopReden, false);
        }
        return t;
    }

    private Traject stop(Traject t, LocalDate einde, String reden, boolean ingetrokken) {
        LocalDate dagtekening = min(einde.plusDays(tussen(1, 3)), lever.gisteren());
        LocalDate ingetrokkenOp = ingetrokken ? min(dagtekening.plusDays(tussen(2, 5)), lever.gisteren()) : null;
        return new Traject(t.kind(), t.gemeentecode(), t.aanbieder(), t.referentieAanbieder(),
                t.productcategorie(), t.productcode(), t.verwijzerType(), t.aangevraagdOp(),
                t.gevraagdeIngangsdatum(), t.toewijzing(), t.start(),
                new Stop(einde, reden, dagtekening, ingetrokkenOp));
    }

    private String[] product(Kind k) {
        String[] product = kies(PRODUCTEN);
        // jeugdreclassering is for twelve and older
        while ("47".equals(product[0]) && k.leeftijdOp(d) < 12) {
            product = kies(PRODUCTEN);
        }
        return product;
    }

    private String referentie() {
        return String.format("REF-%06d", ++referentieTeller);
    }

    // --- helpers ------------------------------------------------------------------------------

    private int tussen(int van, int tot) {
        return van + r.nextInt(tot - van + 1);
    }

    private LocalDate dagenTerug(int min, int max) {
        return d.minusDays(tussen(min, max));
    }

    private static LocalDate vorigeWerkdag(LocalDate dag) {
        LocalDate w = dag;
        while (!WorkingDays.isWerkdag(w)) {
            w = w.minusDays(1);
        }
        return w;
    }

    private <T> T kies(List<T> lijst) {
        return lijst.get(r.nextInt(lijst.size()));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}

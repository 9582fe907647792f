package nl.kindplan.hub.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import nl.kindplan.hub.domain.KindDossier;
import org.junit.jupiter.api.Test;

/**
 * Delta nights rest on this: between the night a child was judged and its wake-up date, nothing
 * about its cases can change (no signal comes or goes, no severity moves). Checked day by day
 * against a full judgement on every day, over random records that use every kind of fact.
 */
class NextChangeTest {

    private static final SignalSettings SETTINGS = SignalSettings.defaults();
    private static final SignalEvaluator EVALUATOR = new SignalEvaluator(SETTINGS);
    private static final LocalDate START = LocalDate.of(2025, 6, 1);
    private static final int DAYS = 420;

    @Test
    void nothingChangesBeforeTheWakeUpDateAndEveryChangeFallsOnOne() {
        Random random = new Random(20261202);
        int wakeUps = 0;
        int changes = 0;
        for (int n = 0; n < 400; n++) {
            KindDossier dossier = randomDossier(random);
            LocalDate judged = START;
            Set<String> atJudgement = cases(dossier, judged);
            LocalDate wakeUp = NextChange.after(dossier, judged, SETTINGS).orElse(null);
            for (int d = 1; d <= DAYS; d++) {
                LocalDate day = START.plusDays(d);
                Set<String> today = cases(dossier, day);
                if (wakeUp == null || day.isBefore(wakeUp)) {
                    assertThat(today).as("child %d on %s, judged on %s, next wake-up %s", n, day, judged, wakeUp)
                            .isEqualTo(atJudgement);
                } else {
                    wakeUps++;
                    if (!today.equals(atJudgement)) {
                        changes++;
                    }
                    judged = day;
                    atJudgement = today;
                    wakeUp = NextChange.after(dossier, day, SETTINGS).orElse(null);
                }
            }
        }
        System.out.printf("NextChangeTest: 400 records over %d days, %d wake-ups, %d of them with a change%n", DAYS,
                wakeUps, changes);
        assertThat(changes).as("the random records do change over time").isGreaterThan(200);
        assertThat(wakeUps).as("far fewer wake-ups than days").isLessThan(400 * DAYS / 4);
    }

    @Test
    void aRecordWithoutDatesAfterTheNightNeverWakesExceptForBirthdays() {
        KindDossier dossier = DossierBuilder.kind(LocalDate.of(2012, 5, 10))
                .inschrijving("R1", LocalDate.of(2020, 8, 20), null).bouw();

        assertThat(NextChange.after(dossier, LocalDate.of(2026, 1, 10), SETTINGS))
                .contains(LocalDate.of(2030, 5, 10));
    }

    private static Set<String> cases(KindDossier dossier, LocalDate day) {
        return EVALUATOR.evaluate(dossier, day).stream().map(h -> h.signal() + "/" + h.severity())
                .collect(Collectors.toSet());
    }

    private static KindDossier randomDossier(Random r) {
        DossierBuilder b = DossierBuilder.kind(START.minusYears(4 + r.nextInt(15)).minusDays(r.nextInt(365)));
        if (r.nextInt(10) < 8) {
            LocalDate begin = day(r, -400, 100);
            LocalDate eind = r.nextBoolean() ? null : begin.plusDays(30 + r.nextInt(300));
            String reden = eind == null ? null : new String[]{"VERHUIZING", "EMIGRATIE", "SCHOOLWISSEL"}[r.nextInt(3)];
            b.uitgeschreven("R" + r.nextInt(1000), begin, eind, reden);
        }
        if (r.nextInt(10) == 0) {
            b.vrijstelling("V" + r.nextInt(1000), day(r, -100, 200), r.nextBoolean() ? null : day(r, 0, 300));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            String soort = new String[]{"LRV", "V3", "V4", "L", "V1"}[r.nextInt(5)];
            String status = new String[]{"R", "B", "G"}[r.nextInt(3)];
            LocalDate begin = day(r, -150, 250);
            b.melding("M" + i + r.nextInt(1000), soort, status, begin, begin.atTime(10, 0));
        }
        if (r.nextInt(3) == 0) {
            b.jw315("315" + r.nextInt(1000), day(r, -60, 200), "REF" + r.nextInt(3));
        }
        if (r.nextInt(3) == 0) {
            LocalDate ingang = day(r, -200, 200);
            b.jw301("301" + r.nextInt(1000), ingang.minusDays(5), "T1", "REF" + r.nextInt(3), ingang,
                    r.nextBoolean() ? null : ingang.plusDays(60 + r.nextInt(300)));
        }
        if (r.nextInt(3) == 0) {
            b.jw307("307" + r.nextInt(1000), day(r, -60, 250), "T1", day(r, -90, 250),
                    new String[]{"32", "33", "36", "01"}[r.nextInt(4)]);
        }
        return b.bouw();
    }

    private static LocalDate day(Random r, int from, int to) {
        return START.plusDays(from + r.nextInt(to - from));
    }
}

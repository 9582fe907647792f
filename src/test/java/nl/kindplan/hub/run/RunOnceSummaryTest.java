package nl.kindplan.hub.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import nl.kindplan.hub.run.RunRegister.Run;
import nl.kindplan.hub.run.RunRegister.SourceRecord;
import nl.kindplan.hub.run.RunRegister.Status;
import nl.kindplan.hub.run.RunRegister.Trigger;
import org.junit.jupiter.api.Test;

/** The one line a gemeente's cron mails: status, and whether the night was complete. */
class RunOnceSummaryTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 11, 20, 2, 0);

    @Test
    void aCompleteRunSaysItsCounts() {
        Run run = run(true, Map.of("events.THUISZITTER.OPENED", 3L, "events.MATCH.RESOLVED", 1L,
                "source.VERZUIM.rejected", 2L), List.of());

        assertThat(RunOnce.summary(run))
                .isEqualTo("kindplan-hub run 7 asOf 2026-11-20: SUCCEEDED, 3000 children, 4 events, 2 rows rejected");
    }

    @Test
    void anIncompleteRunSaysWhy() {
        Run run = run(false, Map.of("source.VERZUIM.rejectedFiles", 1L, "source.IJW.rejectedFiles", 1L),
                List.of(new SourceRecord("IJW", 0, 0, 0, 0, 0, List.of(), List.of("HTTP-bron niet opgehaald na 4 poging(en): de bron antwoordde HTTP 500"))));

        assertThat(RunOnce.summary(run)).startsWith("kindplan-hub run 7 asOf 2026-11-20: SUCCEEDED (incomplete: "
                + "2 files rejected whole, 1 sources not reached, 0 children not evaluated), 3000 children, 0 events, "
                + "0 rows rejected");
    }

    @Test
    void aChildThatCouldNotBeEvaluatedMakesTheNightIncompleteWithItsOwnExitCode() {
        Run run = run(false, Map.of("evaluation.problems", 1L, "events.MATCH.OPENED", 5L),
                List.of(new SourceRecord("KIND", 0, 0, 0, 0, 0, List.of(), List.of("kind ******782 kon niet worden beoordeeld"))));

        assertThat(RunOnce.summary(run)).startsWith("kindplan-hub run 7 asOf 2026-11-20: SUCCEEDED (incomplete: "
                + "0 files rejected whole, 0 sources not reached, 1 children not evaluated), 3000 children, 5 events");
        assertThat(RunOnce.exitCode(run)).isEqualTo(RunOnce.INCOMPLETE).isEqualTo(2);
        assertThat(RunOnce.exitCode(run(true, Map.of(), List.of()))).isEqualTo(RunOnce.SUCCEEDED).isZero();
    }

    private static Run run(boolean complete, Map<String, Long> counts, List<SourceRecord> sources) {
        return new Run(7, LocalDate.of(2026, 11, 20), Trigger.RUN_ONCE, Status.SUCCEEDED, START, START.plusMinutes(1),
                3000, null, counts, null, complete, sources);
    }
}

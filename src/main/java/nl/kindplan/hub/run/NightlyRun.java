package nl.kindplan.hub.run;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import nl.kindplan.hub.cases.CaseKeeper;
import nl.kindplan.hub.cases.CaseStore;
import nl.kindplan.hub.metrics.HubMetrics;
import nl.kindplan.hub.run.RunRegister.Phase;
import nl.kindplan.hub.run.RunRegister.Status;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The steps of routes/nightly-run.yaml that are the hub's own: claiming files, evaluating, recording. */
@Component("nightlyRun")
public class NightlyRun {

    public static final String RUN_ID = "kindplanRunId";
    public static final String AS_OF = "kindplanAsOf";
    public static final String OUTCOME = "kindplanOutcome";
    /** The 'source' under which the run record lists children that could not be evaluated. */
    public static final String KIND_PROBLEMS = "KIND";

    private final RunRegister register;
    private final InboxWatch inboxes;
    private final CaseKeeper caseKeeper;
    private final CaseStore cases;
    private final JdbcTemplate jdbc;
    private final HubMetrics metrics;

    public NightlyRun(RunRegister register, InboxWatch inboxes, CaseKeeper caseKeeper, CaseStore cases,
                      JdbcTemplate jdbc, HubMetrics metrics) {
        this.cases = cases;
        this.register = register;
        this.inboxes = inboxes;
        this.caseKeeper = caseKeeper;
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /** Waits until every waiting file is taken in, then makes the files since the last run this run's. */
    public void takeIn(@Header(RUN_ID) long runId) throws InterruptedException {
        register.phase(runId, Phase.TAKING_IN);
        inboxes.awaitEmpty();
        register.claimFiles(runId);
    }

    /** Evaluates every child; what follows in the flow is delivery. */
    public CaseKeeper.Outcome evaluate(@Header(RUN_ID) long runId, @Header(AS_OF) LocalDate asOf) {
        register.phase(runId, Phase.EVALUATING);
        CaseKeeper.Outcome outcome = caseKeeper.evaluateAll(runId, asOf);
        register.phase(runId, Phase.DELIVERING);
        return outcome;
    }

    public void finish(@Header(RUN_ID) long runId, @ExchangeProperty(OUTCOME) CaseKeeper.Outcome outcome) {
        // a child that could not be judged makes the night incomplete; it is judged again next night
        for (CaseKeeper.Problem p : outcome.problems()) {
            register.problem(runId, KIND_PROBLEMS, "kind " + p.kind() + " kon niet worden beoordeeld: " + p.reason());
        }
        Map<String, Long> counts = new TreeMap<>(register.sourceCounts(runId));
        counts.putAll(outcome.counts());
        // the open cases per signal after this night: the dashboard draws them over the nights
        cases.openPerSignal().forEach((signal, n) -> counts.put("open." + signal.name(), n));
        jdbc.query("SELECT o.status, COUNT(*) FROM outbox o JOIN case_event e ON e.id = o.case_event_id "
                + "WHERE e.run_id = ? GROUP BY o.status", rs -> {
            counts.put("messages." + rs.getString(1), rs.getLong(2));
        }, runId);
        register.finish(runId, Status.SUCCEEDED, outcome.kinderen(), counts, null);
        metrics.caseEvents(outcome.counts());
    }
}

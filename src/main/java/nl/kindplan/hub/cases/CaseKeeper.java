package nl.kindplan.hub.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import nl.kindplan.hub.cases.CaseStore.StoredEvent;
import nl.kindplan.hub.domain.Elfproef;
import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.signal.NextChange;
import nl.kindplan.hub.signal.SignalEvaluator;
import nl.kindplan.hub.signal.SignalHit;
import nl.kindplan.hub.signal.SignalSettings;
import nl.kindplan.hub.store.KindStore;
import nl.kindplan.hub.store.KindStore.Geladen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The night's evaluation: reads the children a chunk at a time (a handful of queries per chunk),
 * judges each child on the run's reference date in memory, and writes what changed in one
 * transaction per chunk: case events, the facts behind them, their messages in the outbox, and
 * each child's next wake-up date. A delta night judges only the children whose facts changed or
 * whose wake-up date has come; a first night, a replay of an earlier date or new signal settings
 * judge every child. A night run again finds nothing changed and queues nothing.
 * <p>
 * One child never stops the night: whatever goes wrong with one child (its judging, its messages,
 * its writes) is rolled back for that child alone, recorded as a problem of the run, and the child
 * is judged again next night; every other child's events are stored and sent.
 */
@Component("caseKeeper")
public class CaseKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(CaseKeeper.class);

    private final KindStore kinderen;
    private final CaseStore cases;
    private final SignalEvaluator evaluator;
    private final SignalSettings settings;
    private final EventOutbox outbox;
    private final EvaluationBasis basis;
    private final TransactionTemplate tx;
    private final int chunkSize;

    public CaseKeeper(KindStore kinderen, CaseStore cases, SignalEvaluator evaluator, SignalSettings settings,
                      EventOutbox outbox, EvaluationBasis basis, TransactionTemplate tx,
                      @Value("${kindplan.evaluation.chunk-size:1000}") int chunkSize) {
        this.kinderen = kinderen;
        this.cases = cases;
        this.evaluator = evaluator;
        this.settings = settings;
        this.outbox = outbox;
        this.basis = basis;
        this.tx = tx;
        this.chunkSize = chunkSize;
    }

    /** A child that could not be judged tonight: masked number, and why. */
    public record Problem(long kindId, String kind, String reason) {
    }

    /**
     * What the evaluation did: children judged, whether all were (a full evaluation), counts of events per
     * signal and kind ("events.SIGNAL.EVENT"), and the children it could not judge.
     */
    public record Outcome(int kinderen, boolean full, Map<String, Long> counts, List<Problem> problems) {
    }

    /** One child judged: its events to store (with what they will send), and when to wake it next. */
    private record Judged(KindDossier dossier, long factsVersion, List<CaseStore.Planned> planned,
                          List<EventOutbox.Prepared> prepared, LocalDate wakeUp) {
    }

    public Outcome evaluateAll(long runId, LocalDate asOf) {
        boolean full = basis.needsFullEvaluation(asOf, settings);
        long[] ids = full ? kinderen.kindIds() : kinderen.kindIdsToEvaluate(asOf);
        LOG.info("Run {} on {}: evaluating {} children ({})", runId, asOf, ids.length,
                full ? "all children" : "changed or due");
        Map<String, Long> counts = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        int progressEvery = Math.max(chunkSize, ids.length / 10);
        long stored = 0;
        for (int from = 0; from < ids.length; from += chunkSize) {
            long[] chunk = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + chunkSize));
            List<Judged> judged = judgeChunk(chunk, runId, asOf, problems);
            for (StoredEvent e : write(judged, runId, asOf, problems)) {
                counts.merge("events." + e.signal().name() + "." + e.event().name(), 1L, Long::sum);
                stored++;
            }
            int done = from + chunk.length;
            if (done / progressEvery != from / progressEvery && done < ids.length) {
                LOG.info("Run {}: {} of {} children evaluated, {} events stored and queued", runId, done, ids.length,
                        stored);
            }
        }
        basis.record(asOf, settings);
        counts.put("evaluation.full", full ? 1L : 0L);
        counts.put("evaluation.problems", (long) problems.size());
        LOG.info("Run {} on {}: {} children evaluated, {} could not be, events {}", runId, asOf, ids.length,
                problems.size(), counts);
        return new Outcome(ids.length, full, counts, problems);
    }

    private List<Judged> judgeChunk(long[] chunk, long runId, LocalDate asOf, List<Problem> problems) {
        Map<Long, Geladen<OpenCase>> loaded = kinderen.load(chunk, CaseStore::openCase);
        List<Judged> judged = new ArrayList<>(loaded.size());
        for (Geladen<OpenCase> kind : loaded.values()) {
            try {
                judged.add(judge(kind, runId, asOf));
            } catch (RuntimeException e) {
                fail(kind.dossier(), e, problems);
            }
        }
        return judged;
    }

    /** The child's signals tonight against its open cases, its events' messages, and its next wake-up date. */
    Judged judge(Geladen<OpenCase> kind, long runId, LocalDate asOf) {
        KindDossier dossier = kind.dossier();
        List<SignalHit> hits = evaluator.evaluate(dossier, asOf);
        List<CaseStore.Planned> planned = new ArrayList<>();
        List<EventOutbox.Prepared> prepared = new ArrayList<>();
        for (CaseChange change : CaseLifecycle.compare(kind.openCases(), hits)) {
            CaseChange withId = change.caseId() != null ? change : new CaseChange(change.event(),
                    UUID.randomUUID().toString(), change.signal(), change.severity(), change.since(), change.gronden());
            planned.add(new CaseStore.Planned(dossier.kindId(), withId));
            prepared.add(outbox.prepare(dossier, new StoredEvent(0, withId.caseId(), withId.signal(), withId.event(),
                    withId.severity(), withId.since(), asOf, runId, withId.gronden()), asOf));
        }
        return new Judged(dossier, kind.factsVersion(), planned, prepared,
                NextChange.after(dossier, asOf, settings).orElse(null));
    }

    /** The chunk in one transaction; when that fails, child by child, so that only the failing child is left out. */
    private List<StoredEvent> write(List<Judged> judged, long runId, LocalDate asOf, List<Problem> problems) {
        if (judged.isEmpty()) {
            return List.of();
        }
        try {
            return tx.execute(status -> store(judged, runId, asOf));
        } catch (RuntimeException chunkFailed) {
            LOG.warn("Run {}: a chunk of {} children could not be stored ({}); storing them one by one", runId,
                    judged.size(), chunkFailed.toString());
            List<StoredEvent> events = new ArrayList<>();
            for (Judged one : judged) {
                try {
                    events.addAll(tx.execute(status -> store(List.of(one), runId, asOf)));
                } catch (RuntimeException e) {
                    fail(one.dossier(), e, problems);
                }
            }
            return events;
        }
    }

    private List<StoredEvent> store(List<Judged> judged, long runId, LocalDate asOf) {
        List<CaseStore.Planned> planned = new ArrayList<>();
        List<EventOutbox.Prepared> prepared = new ArrayList<>();
        List<KindStore.Evaluated> evaluated = new ArrayList<>(judged.size());
        for (Judged j : judged) {
            planned.addAll(j.planned());
            prepared.addAll(j.prepared());
            evaluated.add(new KindStore.Evaluated(j.dossier().kindId(), j.factsVersion(), j.wakeUp()));
        }
        List<StoredEvent> events = cases.applyAll(planned, asOf, runId);
        List<EventOutbox.Queued> queued = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            queued.add(new EventOutbox.Queued(events.get(i).id(), prepared.get(i)));
        }
        outbox.queue(queued);
        kinderen.evaluated(evaluated, asOf);
        return events;
    }

    /** Recorded for the run with a masked number; the stack trace goes to the log only; judged again next night. */
    private void fail(KindDossier dossier, RuntimeException e, List<Problem> problems) {
        String kind = Elfproef.masker(dossier.identiteit() == null ? null : dossier.identiteit().sleutel());
        String reason = Elfproef.maskeerNummers(e.toString());
        LOG.error("Child {} (#{}) could not be evaluated; the night goes on without it: {}", kind, dossier.kindId(),
                reason, e);
        problems.add(new Problem(dossier.kindId(), kind, reason));
        try {
            kinderen.evaluateAgain(dossier.kindId());
        } catch (RuntimeException again) {
            LOG.error("Child {} (#{}) could not be marked for evaluation next night: {}", kind, dossier.kindId(),
                    again.toString());
        }
    }
}

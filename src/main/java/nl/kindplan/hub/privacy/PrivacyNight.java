package nl.kindplan.hub.privacy;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.kindplan.hub.run.NightlyRun;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The night's privacy step (routes/nightly-run.yaml, after delivery): logs the messages just sent in
 * the processing log, runs the retention purge, and counts both in the run record
 * ({@code verwerkingen.berichten}, {@code purge.kinderen}, {@code purge.cases}, {@code purge.files}).
 */
@Component("privacyNight")
public class PrivacyNight {

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyNight.class);

    private final Verwerkingenlog log;
    private final RetentionPurge purge;
    private final JdbcTemplate jdbc;

    public PrivacyNight(Verwerkingenlog log, RetentionPurge purge, JdbcTemplate jdbc) {
        this.log = log;
        this.purge = purge;
        this.jdbc = jdbc;
    }

    public void afterDelivery(@Header(NightlyRun.RUN_ID) long runId) {
        long started = System.nanoTime();
        int berichten = log.logDeliveries();
        RetentionPurge.Outcome purged = purge.purge(LocalDateTime.now());
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("verwerkingen.berichten", (long) berichten);
        counts.put("purge.kinderen", (long) purged.kinderen());
        counts.put("purge.cases", (long) purged.cases());
        counts.put("purge.files", (long) purged.archiveFiles() + purged.errorFiles());
        jdbc.batchUpdate("INSERT INTO run_count (run_id, counter, amount) VALUES (?, ?, ?)", counts.entrySet(),
                counts.size(), (ps, e) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, e.getKey());
                    ps.setLong(3, e.getValue());
                });
        LOG.info("run {}: {} message(s) logged in the processing log; purged {} child(ren), {} closed case(s), "
                        + "{} archived and {} rejected file(s) in {} ms", runId, berichten, purged.kinderen(),
                purged.cases(), purged.archiveFiles(), purged.errorFiles(), (System.nanoTime() - started) / 1_000_000);
    }
}

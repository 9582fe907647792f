package nl.kindplan.hub.demo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With {@code kindplan.demo.generate=true}, writes the synthetic demo dataset into the inboxes at
 * start-up, for today (Dutch time), so that the next nightly run has something real to show.
 * Logs counts only: the summary's example numbers look like BSNs and stay out of the log.
 */
@Component
@ConditionalOnProperty(name = "kindplan.demo.generate", havingValue = "true")
public class DemoDataOnStartup implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataOnStartup.class);
    private static final ZoneId NEDERLAND = ZoneId.of("Europe/Amsterdam");

    private final DemoDataGenerator.Inboxes inboxes;
    private final Path swvTable;
    private final int children;
    private final long seed;

    public DemoDataOnStartup(@Value("${kindplan.inbox.verzuim}") String verzuim,
                             @Value("${kindplan.inbox.ijw}") String ijw,
                             @Value("${kindplan.inbox.inschrijvingen}") String inschrijvingen,
                             @Value("${kindplan.inbox.edexml}") String edexml,
                             @Value("${kindplan.mappings.swv-table:mappings/swv-scholen.csv}") String swvTable,
                             @Value("${kindplan.demo.children:3000}") int children,
                             @Value("${kindplan.demo.seed:20261123}") long seed) {
        this.inboxes = new DemoDataGenerator.Inboxes(Path.of(verzuim), Path.of(ijw), Path.of(inschrijvingen),
                Path.of(edexml));
        this.swvTable = Path.of(swvTable);
        this.children = children;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate asOf = LocalDate.now(NEDERLAND);
        LOG.info("Writing the demo dataset: {} children, seed {}, asOf {}", children, seed, asOf);
        long begin = System.nanoTime();
        DemoDataGenerator.Summary summary = DemoDataGenerator.withSwvTable(swvTable)
                .generate(inboxes, children, seed, asOf);
        LOG.info("Demo dataset written in {} ms: {}", (System.nanoTime() - begin) / 1_000_000, summary.counts());
    }
}

package nl.kindplan.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Broker outage: the external broker (a JVM of its own, persistent in KahaDB) is killed with
 * SIGKILL while the packaged hub is sending the night's case messages, stays away for a minute,
 * and is started again on the same port and folder. The hub waits in ActiveMQ's failover
 * transport, goes on when the broker is back, and ends the night SUCCEEDED with every message on
 * the queues once. The night: the demo dataset of 600 children.
 */
class BrokerOutageIT {

    private static final int CHILDREN = 600;
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("kindplan.it.outage-seconds", 60));
    private static final Duration STEP = Duration.ofMinutes(4);
    private static final Pattern SENT = Pattern.compile("Outbox \\d+ sent to ");

    private SeparateJvm broker;

    @AfterEach
    void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aBrokerAwayForAMinuteWhileSendingLosesNothingAndDoublesNothing() throws Exception {
        long begin = System.nanoTime();
        NightUnderTest night = new NightUnderTest("broker-outage-it");
        broker = night.startBroker();
        night.generate(CHILDREN);

        long sentBeforeOutage;
        long sentDuringOutage;
        long retries;
        String settled;
        try (SeparateJvm hub = night.startHub("hub")) {
            hub.awaitLine(SENT, 20, STEP);
            broker.kill();
            sentBeforeOutage = hub.count(SENT);
            long back = System.nanoTime() + OUTAGE.toNanos();
            while (System.nanoTime() < back) {
                assertThat(hub.isAlive()).as("the hub waits for the broker; its output ends with:\n%s", hub.tail()).isTrue();
                Thread.sleep(1000);
            }
            sentDuringOutage = hub.count(SENT) - sentBeforeOutage;
            assertThat(sentDuringOutage).as("nothing can be sent without a broker").isZero();

            broker = night.startBroker();

            int exit = hub.awaitExit(STEP);
            assertThat(exit).as(hub.tail()).isZero();
            assertThat(hub.lines()).anyMatch(l -> l.contains("asOf " + NightUnderTest.NIGHT + ": SUCCEEDED"));
            retries = hub.count(Pattern.compile("On delivery attempt: \\d+"));
            Pattern inDoubt = Pattern.compile("were in doubt: (\\d+ had reached the broker .*)");
            settled = hub.lines().stream().map(inDoubt::matcher).filter(java.util.regex.Matcher::find)
                    .map(m -> m.group(1)).findFirst().orElse("none");
        }

        try (StoreFile store = new StoreFile(night.dataDir)) {
            NightUnderTest.Delivered delivered = night.everyMessageOnceOnTheQueues(store);
            System.out.printf("BrokerOutageIT: broker killed after %d of %d messages, away %d s (%d sent meanwhile), "
                            + "back on the same port and folder; the run went on and SUCCEEDED, in %d s:%n"
                            + "  %d retried step(s), messages in doubt settled by the receipts: %s%n"
                            + "  queues: %d messages for %d in the outbox: %d lost, %d duplicates%n",
                    sentBeforeOutage, delivered.messages(), OUTAGE.toSeconds(), sentDuringOutage,
                    (System.nanoTime() - begin) / 1_000_000_000, retries, settled, delivered.onQueues(),
                    delivered.messages(), delivered.lost(), delivered.duplicates());
        }
    }
}

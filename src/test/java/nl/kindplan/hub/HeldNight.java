package nl.kindplan.hub;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;

/**
 * Holds the next night just before delivery (AdviceWith on the nightly-run route), so that a test
 * surely sees a run in progress; {@link #close()} releases it and takes the hold out again.
 */
public final class HeldNight implements AutoCloseable {

    private static final String HOLD = "test-hold-night";

    private final CamelContext camel;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private HeldNight(CamelContext camel) {
        this.camel = camel;
    }

    public static HeldNight beforeDelivery(CamelContext camel) throws Exception {
        HeldNight night = new HeldNight(camel);
        AdviceWith.adviceWith(camel, "nightly-run", a -> a.weaveByToUri("direct:deliver-outbox").before().process(e -> {
            night.held.countDown();
            night.release.await(60, TimeUnit.SECONDS);
        }).id(HOLD));
        return night;
    }

    /** Answers when a run has reached the hold. */
    public void awaitHeld() throws InterruptedException {
        if (!held.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("no run reached delivery within 60 s");
        }
    }

    public void release() {
        release.countDown();
    }

    @Override
    public void close() throws Exception {
        release();
        AdviceWith.adviceWith(camel, "nightly-run", a -> a.weaveById(HOLD).remove());
    }
}

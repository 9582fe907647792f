package nl.kindplan.hub.ingest;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The ingest routes' poll strategy: when a poll of an inbox has handed all its files to the
 * {@link FileIngester}, the intake group of that route's thread commits and its files leave the
 * inbox. A poll that fails rolls the group back; its files stay and are taken at the next poll.
 */
@Component("intakePollStrategy")
public class IntakePollStrategy implements PollingConsumerPollStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(IntakePollStrategy.class);

    private final FileIngester ingester;

    public IntakePollStrategy(FileIngester ingester) {
        this.ingester = ingester;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        ingester.commit();
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        LOG.warn("Polling {} failed, its intake group is rolled back and tried at the next poll: {}",
                endpoint.getEndpointBaseUri(), cause.toString());
        ingester.rollback();
        return false;
    }
}

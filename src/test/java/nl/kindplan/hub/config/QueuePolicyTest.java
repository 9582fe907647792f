package nl.kindplan.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.command.ActiveMQQueue;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case messages that nobody has read yet wait on disk, not in the broker's memory: with the hub's
 * queue policy a broker with little memory takes many times that in persistent messages on many
 * queues without a receiver, as at national size. Without it the same sends run into the memory
 * limit (here the broker answers with an error instead of blocking, so that the test sees it).
 */
class QueuePolicyTest {

    private static final int QUEUES = 20;
    private static final int PER_QUEUE = 200;
    /** 2 KB a message: 8 MB in all against a memory limit of 2 MB. */
    private static final String PAYLOAD = "x".repeat(2048);

    @TempDir
    Path dir;

    @Test
    void messagesWaitingForTheirReceiverAreKeptOnDiskNotInMemory() throws Exception {
        BrokerService broker = broker("with-policy", true);
        try {
            sendToQueuesWithoutReceiver(broker);
            long waiting = 0;
            for (int q = 0; q < QUEUES; q++) {
                waiting += queueSize(broker, "kindplan.swv.SWV" + q);
            }
            assertThat(waiting).isEqualTo((long) QUEUES * PER_QUEUE);
            assertThat(broker.getSystemUsage().getMemoryUsage().getPercentUsage()).isLessThan(100);
        } finally {
            broker.stop();
        }
    }

    @Test
    void withoutThePolicyTheSameSendsRunIntoTheMemoryLimit() throws Exception {
        BrokerService broker = broker("default", false);
        try {
            // the send that fills the memory fails, and the commit of its transaction with it
            assertThatThrownBy(() -> sendToQueuesWithoutReceiver(broker)).isInstanceOf(JMSException.class)
                    .hasStackTraceContaining(ResourceAllocationException.class.getName())
                    .hasStackTraceContaining("Usage Manager Memory Limit reached");
        } finally {
            broker.stop();
        }
    }

    private BrokerService broker(String name, boolean policy) throws Exception {
        BrokerService broker = new BrokerService();
        broker.setBrokerName(name);
        broker.setUseJmx(false);
        broker.setPersistent(true);
        broker.setDataDirectoryFile(dir.resolve(name).toFile());
        KahaDBPersistenceAdapter kahaDb = new KahaDBPersistenceAdapter();
        kahaDb.setDirectory(dir.resolve(name).resolve("kahadb").toFile());
        broker.setPersistenceAdapter(kahaDb);
        broker.setUseShutdownHook(false);
        broker.getSystemUsage().getMemoryUsage().setLimit(2L * 1024 * 1024);
        broker.getSystemUsage().setSendFailIfNoSpace(true);
        if (policy) {
            QueuePolicy.apply(broker);
        }
        broker.start();
        broker.waitUntilStarted();
        return broker;
    }

    /** As the hub delivers: persistent, 100 per transaction, round the queues. */
    private static void sendToQueuesWithoutReceiver(BrokerService broker) throws JMSException {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://" + broker.getBrokerName() + "?create=false");
        Connection connection = factory.createConnection();
        try {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(null);
            int sent = 0;
            for (int i = 0; i < PER_QUEUE; i++) {
                for (int q = 0; q < QUEUES; q++) {
                    producer.send(session.createQueue("kindplan.swv.SWV" + q), session.createTextMessage(PAYLOAD),
                            DeliveryMode.PERSISTENT, 4, 0);
                    if (++sent % 100 == 0) {
                        session.commit();
                    }
                }
            }
            session.commit();
        } finally {
            connection.close();
        }
    }

    private static long queueSize(BrokerService broker, String queue) throws Exception {
        return broker.getDestination(new ActiveMQQueue(queue)).getDestinationStatistics().getMessages().getCount();
    }
}

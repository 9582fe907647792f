package nl.kindplan.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import nl.kindplan.hub.HubTestSupport;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.command.ActiveMQQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The kindplan.* queues as the broker has them: read from the embedded broker directly, and over
 * plain JMS (advisories and a QueueBrowser) as from an external broker; both agree on the depth, the
 * consumers and the oldest message. Looking takes nothing off the queue.
 */
class QueuesTest extends HubTestSupport {

    private final String queue = "kindplan.test.wachtrij-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    BrokerService broker;

    @AfterEach
    void removeQueue() throws Exception {
        broker.removeDestination(new ActiveMQQueue(queue));
    }

    @Test
    void depthConsumersAndOldestMessageFromTheEmbeddedBrokerAndOverPlainJms() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        send(queue, 3);

        Queues.Overview embedded = new Queues(connectionFactory,
                new StaticListableBeanFactory(java.util.Map.of("broker", broker)).getBeanProvider(BrokerService.class),
                Clock.systemUTC()).overview();
        assertThat(embedded.bron()).isEqualTo("EMBEDDED");
        assertThat(embedded.fout()).isNull();
        Queues.QueueView q = view(embedded);
        assertThat(q.diepte()).isEqualTo(3);
        assertThat(q.geteld()).isTrue();
        assertThat(q.consumenten()).isZero();
        assertThat(q.oudsteBericht()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(q.oudsteLeeftijdSeconden()).isBetween(0L, 60L);
        assertThat(embedded.wachtrijen()).allSatisfy(v -> assertThat(v.wachtrij()).startsWith("kindplan."));

        Queues.Overview jms = new Queues(connectionFactory,
                new StaticListableBeanFactory().getBeanProvider(BrokerService.class), Clock.systemUTC()).overview();
        assertThat(jms.bron()).isEqualTo("JMS");
        assertThat(jms.fout()).isNull();
        Queues.QueueView overJms = view(jms);
        assertThat(overJms.diepte()).isEqualTo(3);
        assertThat(overJms.consumenten()).as("no one reads it: 0, not unknown").isZero();
        assertThat(overJms.oudsteBericht()).isEqualTo(q.oudsteBericht());

        assertThat(new Queues(connectionFactory, new StaticListableBeanFactory(java.util.Map.of("broker", broker))
                .getBeanProvider(BrokerService.class), Clock.systemUTC()).overview().diepte(queue))
                .as("browsing took nothing off").isEqualTo(3);
    }

    /**
     * An SWV's application reading its queue, as the dashboard sees it on an external broker (plain
     * JMS, the consumer advisories): one consumer, and the dashboard's own browsers not counted;
     * when it goes, 0 again. The embedded broker's statistics agree.
     */
    @Test
    void theConsumersOfAQueueOverPlainJmsAsFromAnExternalBroker() throws Exception {
        send(queue, 2);
        // prefetch 0: the reader is attached but takes nothing, so the depth stays 2
        Connection reader = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT
                + "?jms.prefetchPolicy.queuePrefetch=0").createConnection();
        try {
            reader.start();
            Session session = reader.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            session.createConsumer(session.createQueue(queue));

            Queues.QueueView overJms = view(new Queues(connectionFactory,
                    new StaticListableBeanFactory().getBeanProvider(BrokerService.class), Clock.systemUTC()).overview());
            assertThat(overJms.consumenten()).isEqualTo(1);
            assertThat(overJms.diepte()).isEqualTo(2);
            Queues.QueueView embedded = view(new Queues(connectionFactory, new StaticListableBeanFactory(
                    java.util.Map.of("broker", broker)).getBeanProvider(BrokerService.class), Clock.systemUTC()).overview());
            assertThat(embedded.consumenten()).isEqualTo(1);
        } finally {
            reader.close();
        }
        Queues.QueueView after = view(new Queues(connectionFactory,
                new StaticListableBeanFactory().getBeanProvider(BrokerService.class), Clock.systemUTC()).overview());
        assertThat(after.consumenten()).as("the reader has gone").isZero();
        assertThat(after.diepte()).isEqualTo(2);
    }

    private Queues.QueueView view(Queues.Overview overview) {
        return overview.wachtrijen().stream().filter(v -> v.wachtrij().equals(queue)).findFirst()
                .orElseThrow(() -> new AssertionError(queue + " not in " + overview));
    }

    static void send(String queue, int count) throws Exception {
        Connection connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT).createConnection();
        try {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            for (int i = 0; i < count; i++) {
                producer.send(session.createTextMessage("{\"test\": " + i + "}"));
            }
        } finally {
            connection.close();
        }
    }
}

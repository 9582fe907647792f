package nl.kindplan.hub;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.ActiveMQConnectionFactory;

/** A plain JMS consumer over TCP, as a receiver would have: reads what waits on a queue. */
public final class QueueReader implements AutoCloseable {

    /** One received message: its JMS properties (reason only on the dead-letter queue) and its JSON. */
    public record Received(String caseId, String event, String signal, String reason, JsonNode json, Long outboxId,
                           String queue) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final Session session;

    public QueueReader(int brokerPort) throws JMSException {
        connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort).createConnection();
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /** Everything on the queue now (optionally only what a JMS selector picks), in order. */
    public List<Received> drain(String queue, String selector) throws Exception {
        List<Received> received = new ArrayList<>();
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector)) {
            for (var m = consumer.receive(1500); m != null; m = consumer.receive(500)) {
                TextMessage text = (TextMessage) m;
                received.add(new Received(m.getStringProperty("caseId"), m.getStringProperty("event"),
                        m.getStringProperty("signal"), m.getStringProperty("reason"), JSON.readTree(text.getText()),
                        m.propertyExists("outboxId") ? Long.valueOf(m.getObjectProperty("outboxId").toString()) : null,
                        ((jakarta.jms.Queue) m.getJMSDestination()).getQueueName()));
            }
        }
        return received;
    }

    public List<Received> drain(String queue) throws Exception {
        return drain(queue, null);
    }

    /** Everything now on every queue of a recipient (kindplan.gemeente.* and kindplan.swv.*), read by one consumer. */
    public List<Received> drainRecipientQueues() throws Exception {
        // an ActiveMQ composite of wildcard destinations: one consumer on all matching queues
        return drain("kindplan.gemeente.>,kindplan.swv.>", null);
    }

    /** Takes every message waiting on a queue, of any kind, and answers how many there were. */
    public int take(String queue) throws Exception {
        int n = 0;
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            for (var m = consumer.receive(1500); m != null; m = consumer.receive(500)) {
                n++;
            }
        }
        return n;
    }

    /** Puts a message with these long properties on a queue, as the hub would. */
    public void put(String queue, java.util.Map<String, Long> properties) throws JMSException {
        try (var producer = session.createProducer(session.createQueue(queue))) {
            var message = session.createMessage();
            for (var p : properties.entrySet()) {
                message.setLongProperty(p.getKey(), p.getValue());
            }
            producer.send(message);
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}

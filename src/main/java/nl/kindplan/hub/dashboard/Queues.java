package nl.kindplan.hub.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import org.apache.activemq.ActiveMQConnection;
import org.apache.activemq.advisory.AdvisorySupport;
import org.apache.activemq.advisory.DestinationSource;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.region.Destination;
import org.apache.activemq.command.ActiveMQDestination;
import org.apache.activemq.command.ActiveMQMessage;
import org.apache.activemq.command.ActiveMQQueue;
import org.apache.activemq.command.ConsumerInfo;
import org.apache.activemq.command.RemoveInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Every {@code kindplan.*} queue as the broker has it: how many messages wait, how many consumers
 * read it and how old its oldest message is, so that an SWV that has not collected its messages for
 * days shows at once. The embedded broker is asked directly (its destination statistics); an external
 * one over plain JMS, which every ActiveMQ Classic allows without a statistics plugin or JMX: its
 * advisory topic names the queues, each queue's consumer advisory topic names the consumers reading it
 * (the broker replays the ones it has when one subscribes), and a QueueBrowser counts and dates the
 * messages. Browsing takes nothing off a queue. A figure the broker does not tell is null, shown as
 * "onbekend", never as 0. Read at most every few seconds, however often the dashboard or Prometheus asks.
 */
@Component
public class Queues {

    /**
     * One queue. {@code geteld}: false when {@code diepte} is only a lower bound (an external queue past
     * {@link #BROWSE_MAX}); {@code consumenten} is null when the broker did not tell (its advisories
     * did not answer in time).
     */
    public record QueueView(String wachtrij, long diepte, boolean geteld, Integer consumenten, Instant oudsteBericht,
                            Long oudsteLeeftijdSeconden) {
    }

    /** {@code bron}: EMBEDDED or JMS; {@code fout}: why the broker could not be read, if it could not. */
    public record Overview(String bron, Instant gelezen, List<QueueView> wachtrijen, String fout) {

        public long diepte(String queue) {
            return wachtrijen.stream().filter(q -> q.wachtrij().equals(queue)).mapToLong(QueueView::diepte).sum();
        }
    }

    static final String PREFIX = "kindplan.";
    /** An external queue is counted up to this many messages by browsing; beyond, its depth is "at least". */
    static final int BROWSE_MAX = 10_000;
    private static final Duration FRESH = Duration.ofSeconds(5);

    private final ConnectionFactory connections;
    private final ObjectProvider<BrokerService> embedded;
    private final Clock clock;
    private volatile Overview last;

    public Queues(ConnectionFactory connectionFactory, ObjectProvider<BrokerService> embedded, Clock clock) {
        // a plain connection per reading: a caching factory would keep the browsers' consumers
        this.connections = connectionFactory instanceof SingleConnectionFactory single
                && single.getTargetConnectionFactory() != null ? single.getTargetConnectionFactory() : connectionFactory;
        this.embedded = embedded;
        this.clock = clock;
    }

    public synchronized Overview overview() {
        Instant now = clock.instant();
        if (last != null && last.gelezen().plus(FRESH).isAfter(now)) {
            return last;
        }
        BrokerService broker = embedded.getIfAvailable();
        try {
            last = broker != null ? fromEmbedded(broker, now) : overJms(now);
        } catch (Exception e) {
            last = new Overview(broker != null ? "EMBEDDED" : "JMS", now, List.of(),
                    "de broker kon niet worden gelezen: " + e);
        }
        return last;
    }

    private Overview fromEmbedded(BrokerService broker, Instant now) throws Exception {
        Map<String, Destination> queues = new TreeMap<>();
        for (Map.Entry<ActiveMQDestination, Destination> e : broker.getBroker().getDestinationMap().entrySet()) {
            if (e.getKey().isQueue() && e.getKey().getPhysicalName().startsWith(PREFIX)) {
                queues.put(e.getKey().getPhysicalName(), e.getValue());
            }
        }
        List<QueueView> views = new ArrayList<>();
        try (Connection connection = connections.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (Map.Entry<String, Destination> q : queues.entrySet()) {
                var stats = q.getValue().getDestinationStatistics();
                // counted before browsing: the browser is a consumer too, until the broker has seen it close
                long depth = stats.getMessages().getCount();
                int consumers = (int) stats.getConsumers().getCount();
                Instant oldest = oldest(session, q.getKey(), 200).oldest();
                views.add(new QueueView(q.getKey(), depth, true, consumers, oldest, age(oldest, now)));
            }
        }
        return new Overview("EMBEDDED", now, views, null);
    }

    private Overview overJms(Instant now) throws Exception {
        List<QueueView> views = new ArrayList<>();
        try (Connection connection = connections.createConnection()) {
            connection.start();
            Set<String> names = queueNames(connection);
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            // the consumers first: the browsers below are consumers of the queue too, for a moment
            Map<String, Integer> consumers = consumers(session, names);
            for (String name : names) {
                Browsed browsed = oldest(session, name, BROWSE_MAX);
                views.add(new QueueView(name, browsed.count(), browsed.count() < BROWSE_MAX, consumers.get(name),
                        browsed.oldest(), age(browsed.oldest(), now)));
            }
        }
        return new Overview("JMS", now, views, null);
    }

    /** The queues the broker announces on its advisory topic; it sends those it has at once on subscribing. */
    private static Set<String> queueNames(Connection connection) throws JMSException, InterruptedException {
        ActiveMQConnection amq = connection instanceof ActiveMQConnection c ? c : null;
        if (amq == null) {
            throw new IllegalStateException("geen ActiveMQ-verbinding: " + connection.getClass().getName());
        }
        DestinationSource source = amq.getDestinationSource();
        int seen = -1;
        // the announcements arrive one by one: wait until no more come (at most two seconds)
        for (int i = 0; i < 10 && source.getQueues().size() != seen; i++) {
            seen = source.getQueues().size();
            Thread.sleep(200);
        }
        Set<String> names = new TreeSet<>();
        for (ActiveMQQueue queue : source.getQueues()) {
            if (queue.getPhysicalName().startsWith(PREFIX)) {
                names.add(queue.getPhysicalName());
            }
        }
        return names;
    }

    /**
     * How many consumers (browsers left out) read each queue, from its consumer advisory topic: on
     * subscribing, the broker sends one advisory per consumer it has, so the count is complete once
     * the advisories stop coming (at most two seconds for all queues together). Every queue whose
     * advisory topic could be subscribed gets a count, 0 included; the others are left out (unknown).
     */
    private static Map<String, Integer> consumers(Session session, Set<String> names) throws JMSException,
            InterruptedException {
        Map<String, java.util.Set<String>> seen = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicLong lastAdvisory = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        List<jakarta.jms.MessageConsumer> subscriptions = new ArrayList<>();
        try {
            for (String name : names) {
                Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
                jakarta.jms.MessageConsumer advisories = session.createConsumer(
                        AdvisorySupport.getConsumerAdvisoryTopic(new ActiveMQQueue(name)));
                advisories.setMessageListener(m -> {
                    lastAdvisory.set(System.nanoTime());
                    if (m instanceof ActiveMQMessage amq) {
                        if (amq.getDataStructure() instanceof ConsumerInfo info && !info.isBrowser()) {
                            ids.add(info.getConsumerId().toString());
                        } else if (amq.getDataStructure() instanceof RemoveInfo remove) {
                            ids.remove(String.valueOf(remove.getObjectId()));
                        }
                    }
                });
                subscriptions.add(advisories);
                seen.put(name, ids);
            }
            // the replayed advisories arrive at once; wait until they have stopped for a quarter of a second
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < deadline
                    && System.nanoTime() - lastAdvisory.get() < Duration.ofMillis(250).toNanos()) {
                Thread.sleep(50);
            }
        } finally {
            for (jakarta.jms.MessageConsumer c : subscriptions) {
                c.close();
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        seen.forEach((name, ids) -> counts.put(name, ids.size()));
        return counts;
    }

    private record Browsed(long count, Instant oldest) {
    }

    /** Counts (up to max) and dates a queue's messages by browsing; the oldest by JMSTimestamp. */
    private static Browsed oldest(Session session, String queue, int max) throws JMSException {
        QueueBrowser browser = session.createBrowser(session.createQueue(queue));
        try {
            long count = 0;
            long oldest = Long.MAX_VALUE;
            for (var e = browser.getEnumeration(); e.hasMoreElements() && count < max; count++) {
                long sent = ((Message) e.nextElement()).getJMSTimestamp();
                if (sent > 0) {
                    oldest = Math.min(oldest, sent);
                }
            }
            return new Browsed(count, oldest == Long.MAX_VALUE ? null : Instant.ofEpochMilli(oldest));
        } finally {
            browser.close();
        }
    }

    private static Long age(Instant oldest, Instant now) {
        return oldest == null ? null : Math.max(0, Duration.between(oldest, now).toSeconds());
    }
}

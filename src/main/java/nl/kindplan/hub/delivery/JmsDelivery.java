package nl.kindplan.hub.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.camel.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's JMS messages exactly once, also when the hub is killed halfway or the broker
 * fails over while a send is being committed.
 * <p>
 * Every case message is sent in one JMS transaction together with a <em>receipt</em> (a message
 * with the same {@code outboxId} property) on the hub's own receipt queue, which no receiver
 * reads: the broker commits both or neither, so "its receipt is on the receipt queue" means "the
 * message reached its queue", also after a receiver has consumed it. A batch of messages
 * ({@code kindplan.delivery.jms.batch-size}) shares one transaction, so one broker commit and two
 * database commits per batch instead of per message. The outbox rows of a batch are SENDING,
 * committed, before that transaction begins and SENT after it, so a row found SENDING is in doubt:
 * the receipts settle it, SENT when its receipt is there and PENDING (sent again) when it is not.
 * A receipt is acknowledged only after the database has recorded what it says, so every committed
 * send has its SENT row or its receipt, or both, at any moment: the receipts of a batch marked SENT
 * are taken off the queue by the next batch's transaction, the last ones by {@link #settle}.
 */
@Component("jmsDelivery")
public class JmsDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(JmsDelivery.class);
    /** The JMS property with the outbox id, on every case message and its receipt: receivers can dedupe on it. */
    public static final String OUTBOX_ID = "outboxId";
    /** Receipts that nobody waits for are cleared up: the queue is taken as empty after this quiet time. */
    private static final long QUIET_MILLIS = 200;
    /**
     * Receipts acknowledged per JMS commit. Below the broker's page size (ActiveMQ's maxPageSize,
     * 200 by default): the broker dispatches no more of a queue while that many wait unacknowledged.
     */
    private static final int BATCH = 100;

    private final Outbox outbox;
    private final JmsTemplate jms;
    private final String receiptQueue;
    private final Duration inDoubtWait;
    private final int batchSize;
    /**
     * Receipts on the queue whose messages the outbox has as SENT (in send order): each batch takes
     * those of the batches before off the queue in its own JMS transaction, so the queue stays short
     * and clearing it costs no commits of its own. One delivery at a time uses this bean.
     */
    private final Set<Long> servedReceipts = new LinkedHashSet<>();

    public JmsDelivery(Outbox outbox, ConnectionFactory connectionFactory,
                       @Value("${kindplan.delivery.receipt-queue:kindplan.hub.receipts}") String receiptQueue,
                       @Value("${kindplan.delivery.jms.in-doubt-wait:PT5S}") Duration inDoubtWait,
                       @Value("${kindplan.delivery.jms.batch-size:100}") int batchSize) {
        if (batchSize < 1 || batchSize > Outbox.MAX_IDS) {
            throw new IllegalArgumentException("kindplan.delivery.jms.batch-size must be 1 to " + Outbox.MAX_IDS + ", not "
                    + batchSize);
        }
        this.batchSize = batchSize;
        this.outbox = outbox;
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.receiptQueue = receiptQueue;
        this.inDoubtWait = inDoubtWait;
    }

    /** The JMS messages of a page, {@code batch-size} of them per JMS transaction, in outbox id order. */
    public void sendAll(@Body OutboxPage page) {
        List<Outbox.Message> messages = page.jms();
        for (int from = 0; from < messages.size(); from += batchSize) {
            sendBatch(messages.subList(from, Math.min(messages.size(), from + batchSize)));
        }
    }

    /**
     * A batch of case messages and their receipts in one JMS transaction: claimed SENDING in one
     * statement before, marked SENT in one statement after. What of it was sent before is skipped;
     * what a failed attempt of it left in doubt is settled first, so nothing goes twice.
     */
    public synchronized void sendBatch(List<Outbox.Message> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Long> ids = batch.stream().map(Outbox.Message::id).toList();
        if (!outbox.sending(ids).isEmpty()) {
            settle();  // a redelivery of this batch after a commit in doubt
        }
        int claimed = outbox.claim(ids);
        List<Outbox.Message> toSend = batch;
        if (claimed < ids.size()) {
            Set<Long> mine = new HashSet<>(outbox.sending(ids));
            toSend = batch.stream().filter(m -> mine.contains(m.id())).toList();
        }
        if (toSend.isEmpty()) {
            return;
        }
        List<Outbox.Message> sending = toSend;
        List<Long> taken = jms.execute(session -> {
            MessageConsumer served = servedReceipts.isEmpty() ? null
                    : session.createConsumer(session.createQueue(receiptQueue));
            try {
                List<Long> receiptsTaken = served == null ? List.of() : takeServedReceipts(served);
                MessageProducer producer = session.createProducer(null);
                Queue receipts = session.createQueue(receiptQueue);
                for (Outbox.Message message : sending) {
                    TextMessage caseMessage = session.createTextMessage(message.payload());
                    caseMessage.setStringProperty("caseId", message.caseId());
                    caseMessage.setStringProperty("event", message.event());
                    caseMessage.setStringProperty("signal", message.signal());
                    caseMessage.setLongProperty(OUTBOX_ID, message.id());
                    Message receipt = session.createMessage();
                    receipt.setLongProperty(OUTBOX_ID, message.id());
                    send(producer, session.createQueue(message.destination()), caseMessage);
                    send(producer, receipts, receipt);
                }
                session.commit();
                return receiptsTaken;
            } finally {
                if (served != null) {
                    served.close();  // a cached session must not keep a consumer that takes receipts
                }
            }
        }, true);
        taken.forEach(servedReceipts::remove);
        List<Long> sent = sending.stream().map(Outbox.Message::id).toList();
        outbox.markBatchSent(sent);
        servedReceipts.addAll(sent);
        if (LOG.isDebugEnabled()) {
            sending.forEach(m -> LOG.debug("Outbox {} sent to {}", m.id(), m.destination()));
        }
    }

    /**
     * Takes the receipts of the batches before off the queue, in the transaction of this batch: their
     * messages are SENT in the outbox, so the receipts have served. One that is not known here (there
     * should be none) is recorded as SENT before the commit acknowledges it, as {@link #settle} does.
     */
    private List<Long> takeServedReceipts(MessageConsumer consumer) throws JMSException {
        List<Long> taken = new ArrayList<>();
        int expected = Math.min(servedReceipts.size(), BATCH);
        while (taken.size() < expected) {
            Message receipt = consumer.receive(QUIET_MILLIS);
            if (receipt == null) {
                break;
            }
            taken.add(receipt.getLongProperty(OUTBOX_ID));
        }
        outbox.markDelivered(taken.stream().filter(id -> !servedReceipts.contains(id)).toList());
        return taken;
    }

    /**
     * Settles what a killed hub or a failed attempt left in doubt, and clears the receipt queue:
     * each receipt marks its message SENT; a message still SENDING without a receipt never reached
     * the broker and is pending again. Called when a delivery begins and ends.
     */
    public synchronized void settle() {
        long begin = System.nanoTime();
        List<Long> inDoubt = outbox.inDoubt();
        Set<Long> received = consumeReceipts(new HashSet<>(inDoubt));
        List<Long> again = inDoubt.stream().filter(id -> !received.contains(id)).toList();
        outbox.release(again);
        servedReceipts.clear();
        if (!received.isEmpty()) {
            LOG.info("{} receipt(s) cleared up in {} ms", received.size(), (System.nanoTime() - begin) / 1_000_000);
        }
        if (!inDoubt.isEmpty()) {
            LOG.warn("{} JMS message(s) were in doubt: {} had reached the broker (not sent again), {} had not "
                    + "(sent again)", inDoubt.size(), inDoubt.size() - again.size(), again.size());
        }
    }

    /**
     * Consumes every receipt on the queue, waiting up to the in-doubt wait for those awaited. The
     * outbox records each batch as SENT before the receipts are acknowledged (the JMS commit).
     */
    private Set<Long> consumeReceipts(Set<Long> awaited) {
        return jms.execute(session -> {
            Set<Long> seen = new HashSet<>();
            List<Long> batch = new ArrayList<>();
            long deadline = System.nanoTime() + inDoubtWait.toNanos();
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(receiptQueue))) {
                while (true) {
                    long wait = seen.containsAll(awaited) ? QUIET_MILLIS
                            : Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                    Message receipt = consumer.receive(wait);
                    if (receipt == null) {
                        break;
                    }
                    long id = receipt.getLongProperty(OUTBOX_ID);
                    seen.add(id);
                    batch.add(id);
                    if (batch.size() == BATCH) {
                        record(batch, session);
                    }
                }
                record(batch, session);
            }
            return seen;
        }, true);
    }

    private void record(List<Long> ids, Session session) throws JMSException {
        if (!ids.isEmpty()) {
            outbox.markDelivered(ids);
            session.commit();
            ids.clear();
        }
    }

    private static void send(MessageProducer producer, jakarta.jms.Destination to, Message message) throws JMSException {
        producer.send(to, message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
    }
}

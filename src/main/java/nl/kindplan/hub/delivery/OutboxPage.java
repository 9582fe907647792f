package nl.kindplan.hub.delivery;

import java.util.List;

/**
 * One page of the pending outbox, in outbox id order: the next delivery step sends its JMS
 * messages in batches and its webhook messages one by one. {@code lastId} is where the next page
 * begins; {@code full} says whether there may be more.
 */
public record OutboxPage(List<Outbox.Message> messages, long lastId, boolean full) {

    public List<Outbox.Message> jms() {
        return messages.stream().filter(m -> m.channel() == Outbox.Channel.JMS).toList();
    }

    public List<Outbox.Message> webhooks() {
        return messages.stream().filter(m -> m.channel() == Outbox.Channel.WEBHOOK).toList();
    }
}

package nl.kindplan.hub.config;

import java.util.List;

import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.region.policy.PolicyEntry;
import org.apache.activemq.broker.region.policy.PolicyMap;

/**
 * How the hub's broker holds the case queues: in its store, not in memory. A samenwerkingsverband or
 * gemeente that has not read its queue yet leaves its messages waiting. By ActiveMQ's default each
 * queue keeps what waits in memory too, each up to the broker's whole memory limit, and once their
 * sum fills it the broker stops every producer: at national size (200 000 case messages on queues
 * nobody had read yet) the hub's delivery stood still in a JMS commit. Without that cache a waiting
 * message costs disk only; the broker reads it from its store when a receiver asks.
 * <p>
 * The embedded broker has this policy; an external broker needs the same in its activemq.xml
 * (README, Production): {@code <policyEntry queue=">" useCache="false"/>}.
 */
public final class QueuePolicy {

    private QueuePolicy() {
    }

    public static void apply(BrokerService broker) {
        PolicyEntry queues = new PolicyEntry();
        queues.setQueue(">");
        queues.setUseCache(false);
        PolicyMap policies = new PolicyMap();
        policies.setPolicyEntries(List.of(queues));
        broker.setDestinationPolicy(policies);
    }
}

package nl.kindplan.hub.config;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The connection to ActiveMQ (the embedded broker, or the external one in production) and the
 * Camel {@code jms} component on it. No starter of camel-jms is served for 4.18, so it is set up here.
 */
@Configuration(proxyBeanMethods = false)
public class JmsConfig {

    @Bean
    ConnectionFactory jmsConnectionFactory(@Value("${kindplan.broker.url}") String url,
                                           @Value("${kindplan.broker.user:}") String user,
                                           @Value("${kindplan.broker.password:}") String password,
                                           ObjectProvider<org.apache.activemq.broker.BrokerService> embeddedBroker) {
        // the embedded broker, when there is one, must be up before the first connection
        embeddedBroker.ifAvailable(b -> { });
        ActiveMQConnectionFactory amq = new ActiveMQConnectionFactory(url);
        if (!user.isBlank()) {
            amq.setUserName(user);
            amq.setPassword(password);
        }
        CachingConnectionFactory caching = new CachingConnectionFactory(amq);
        caching.setSessionCacheSize(10);
        // the hub consumes only its receipt queue, now and then: a cached consumer would go on
        // taking receipts from the broker between deliveries, to hand them out only next time
        caching.setCacheConsumers(false);
        return caching;
    }

    @Bean("jms")
    JmsComponent jms(ConnectionFactory connectionFactory) {
        JmsComponent jms = JmsComponent.jmsComponent(connectionFactory);
        jms.getConfiguration().setDeliveryPersistent(true);
        return jms;
    }
}

package nl.kindplan.hub.config;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.ActiveMQSslConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The connection to ActiveMQ (the embedded broker, or the external one in production) and the
 * Camel {@code jms} component on it. No starter of camel-jms is served for 4.18, so it is set up here.
 * An external broker may be reached over TLS ({@code ssl://} inside the failover URL), with the trust
 * store (and, for mutual TLS, a key store) of {@code kindplan.broker.*}; user and password come from
 * the environment or from a secret file (the configtree import of config/application.yml).
 */
@Configuration(proxyBeanMethods = false)
public class JmsConfig {

    @Bean
    ConnectionFactory jmsConnectionFactory(@Value("${kindplan.broker.url}") String url,
                                           @Value("${kindplan.broker.user:}") String user,
                                           @Value("${kindplan.broker.password:}") String password,
                                           @Value("${kindplan.broker.trust-store:}") String trustStore,
                                           @Value("${kindplan.broker.trust-store-password:}") String trustStorePassword,
                                           @Value("${kindplan.broker.trust-store-type:PKCS12}") String trustStoreType,
                                           @Value("${kindplan.broker.key-store:}") String keyStore,
                                           @Value("${kindplan.broker.key-store-password:}") String keyStorePassword,
                                           @Value("${kindplan.broker.key-store-type:PKCS12}") String keyStoreType,
                                           ObjectProvider<org.apache.activemq.broker.BrokerService> embeddedBroker)
            throws Exception {
        // the embedded broker, when there is one, must be up before the first connection
        embeddedBroker.ifAvailable(b -> { });
        ActiveMQConnectionFactory amq;
        if (!trustStore.isBlank() || !keyStore.isBlank()) {
            // without a trust store here the JVM's own (javax.net.ssl.trustStore, or the CA certificates) decides
            ActiveMQSslConnectionFactory ssl = new ActiveMQSslConnectionFactory(url);
            if (!trustStore.isBlank()) {
                ssl.setTrustStore(trustStore);
                ssl.setTrustStorePassword(trustStorePassword);
                ssl.setTrustStoreType(trustStoreType);
            }
            if (!keyStore.isBlank()) {
                ssl.setKeyStore(keyStore);
                ssl.setKeyStorePassword(keyStorePassword);
                ssl.setKeyStoreType(keyStoreType);
            }
            amq = ssl;
        } else {
            amq = new ActiveMQConnectionFactory(url);
        }
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

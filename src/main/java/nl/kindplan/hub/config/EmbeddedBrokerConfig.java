package nl.kindplan.hub.config;

import java.nio.file.Path;

import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded ActiveMQ Classic broker of the laptop defaults: persistent (KahaDB under the data
 * folder) and listening on a loopback TCP port so outside JMS clients can read the queues.
 * Production sets {@code kindplan.broker.embedded=false} and points {@code kindplan.broker.url} at
 * its own broker.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kindplan.broker.embedded", havingValue = "true")
public class EmbeddedBrokerConfig {

    @Bean(initMethod = "start", destroyMethod = "stop")
    BrokerService embeddedBroker(@Value("${kindplan.broker.data-dir}") Path dataDir,
                                 @Value("${kindplan.broker.connector}") String connector) throws Exception {
        BrokerService broker = new BrokerService();
        broker.setBrokerName("kindplan-hub");
        broker.setUseJmx(false);
        broker.setPersistent(true);
        broker.setDataDirectoryFile(dataDir.toFile());
        KahaDBPersistenceAdapter kahaDb = new KahaDBPersistenceAdapter();
        kahaDb.setDirectory(dataDir.resolve("kahadb").toFile());
        broker.setPersistenceAdapter(kahaDb);
        broker.setUseShutdownHook(false);
        QueuePolicy.apply(broker);
        broker.addConnector(connector);
        return broker;
    }
}

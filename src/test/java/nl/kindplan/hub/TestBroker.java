package nl.kindplan.hub;

import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import nl.kindplan.hub.config.QueuePolicy;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;
import org.slf4j.LoggerFactory;

/**
 * An ActiveMQ Classic broker of its own, as production has one: started by the crash and outage
 * tests in a JVM apart ({@code java -cp <test class path> nl.kindplan.hub.TestBroker PORT DIR}),
 * persistent in KahaDB under DIR, listening on 127.0.0.1:PORT, until it is killed. Started again
 * on the same port and folder it has every message it had committed.
 */
public final class TestBroker {

    public static final String STARTED = "TestBroker started";

    private TestBroker() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        BrokerService broker = new BrokerService();
        broker.setBrokerName("test-broker");
        broker.setUseJmx(false);
        broker.setPersistent(true);
        broker.setDataDirectoryFile(dir.toFile());
        KahaDBPersistenceAdapter kahaDb = new KahaDBPersistenceAdapter();
        kahaDb.setDirectory(dir.resolve("kahadb").toFile());
        broker.setPersistenceAdapter(kahaDb);
        broker.setUseShutdownHook(false);
        // as the hub's own broker and the README's activemq.xml have it: waiting messages on disk, not in memory
        QueuePolicy.apply(broker);
        broker.addConnector("tcp://127.0.0.1:" + port);
        broker.start();
        broker.waitUntilStarted();
        System.out.println(STARTED + " on port " + port);
        System.out.flush();
        broker.waitUntilStopped();
    }
}

package nl.kindplan.hub.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import nl.kindplan.hub.config.JmsConfig;
import org.apache.activemq.broker.BrokerPlugin;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.SslContext;
import org.apache.activemq.security.AuthenticationUser;
import org.apache.activemq.security.SimpleAuthenticationPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The external broker of production: an ActiveMQ Classic broker that listens on ssl:// only and admits
 * one user. The hub's {@link JmsConfig}, configured by the real config/application.yml, reaches it over
 * TLS (trust store from configuration) with user and password from a secrets folder (configtree), and
 * is refused with a wrong password. The certificates are generated here with the JDK's keytool.
 */
class ExternalBrokerTlsTest {

    private static final String STORE_PASSWORD = UUID.randomUUID().toString();
    private static final String BROKER_USER = "kindplan-hub";
    private static final String BROKER_PASSWORD = UUID.randomUUID().toString();

    @TempDir
    static Path dir;
    private static BrokerService broker;
    private static int port;

    @BeforeAll
    static void startTlsBroker() throws Exception {
        Path brokerStore = dir.resolve("broker.p12");
        Path cert = dir.resolve("broker.crt");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", brokerStore.toString(), "-storepass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", "broker", "-keystore", brokerStore.toString(), "-storepass", STORE_PASSWORD,
                "-rfc", "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", cert.toString(),
                "-storetype", "PKCS12", "-keystore", dir.resolve("trust.p12").toString(), "-storepass", STORE_PASSWORD);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(brokerStore)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, STORE_PASSWORD.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);

        port = freePort();
        broker = new BrokerService();
        broker.setBrokerName("external-tls-" + port);
        broker.setUseJmx(false);
        broker.setPersistent(false);
        broker.setUseShutdownHook(false);
        broker.setSslContext(new SslContext(kmf.getKeyManagers(), tmf.getTrustManagers(), null));
        SimpleAuthenticationPlugin authentication = new SimpleAuthenticationPlugin(
                List.of(new AuthenticationUser(BROKER_USER, BROKER_PASSWORD, "hubs")));
        authentication.setAnonymousAccessAllowed(false);
        broker.setPlugins(new BrokerPlugin[] {authentication});
        broker.addConnector("ssl://127.0.0.1:" + port);
        broker.start();
        broker.waitUntilStarted();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.stop();
            broker.waitUntilStopped();
        }
    }

    @Test
    void connectsOverTlsWithTheCredentialsOfTheSecretsFolder() throws Exception {
        Path secrets = secretsFolder("right", BROKER_PASSWORD);
        try (ConfigurableApplicationContext context = hubJms(secrets)) {
            ConnectionFactory factory = context.getBean(ConnectionFactory.class);
            Connection connection = factory.createConnection();
            try {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                var queue = session.createQueue("kindplan.tls-test");
                session.createProducer(queue).send(session.createTextMessage("over TLS"));
                MessageConsumer consumer = session.createConsumer(queue);
                Message received = consumer.receive(10_000);
                assertThat(received).isInstanceOf(TextMessage.class);
                assertThat(((TextMessage) received).getText()).isEqualTo("over TLS");
                consumer.close();
                session.close();
            } finally {
                connection.close();
            }
        }
        // the broker saw the hub's connection on its ssl:// connector, and only there
        assertThat(broker.getTransportConnectors()).singleElement()
                .satisfies(c -> assertThat(c.getConnectUri().getScheme()).isEqualTo("ssl"));
    }

    @Test
    void isRefusedWithAWrongPassword() throws Exception {
        Path secrets = secretsFolder("wrong", "not-" + BROKER_PASSWORD);
        try (ConfigurableApplicationContext context = hubJms(secrets)) {
            ConnectionFactory factory = context.getBean(ConnectionFactory.class);
            assertThatThrownBy(() -> {
                try (Connection connection = factory.createConnection()) {
                    connection.start();
                }
            }).isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void isRefusedWithoutTheTrustStore() throws Exception {
        Path secrets = secretsFolder("untrusted", BROKER_PASSWORD);
        Files.delete(secrets.resolve("kindplan.broker.trust-store"));
        // the JVM's own CA certificates do not know the broker's self-signed certificate
        try (ConfigurableApplicationContext context = hubJms(secrets)) {
            ConnectionFactory factory = context.getBean(ConnectionFactory.class);
            assertThatThrownBy(() -> {
                try (Connection connection = factory.createConnection()) {
                    connection.start();
                }
            }).isInstanceOf(jakarta.jms.JMSException.class).isNotInstanceOf(JMSSecurityException.class);
        }
    }

    /** A secrets folder as Docker and Kubernetes mount one: one file per property, named after it. */
    private static Path secretsFolder(String name, String password) throws IOException {
        Path secrets = Files.createDirectories(dir.resolve("secrets-" + name));
        Files.writeString(secrets.resolve("kindplan.broker.user"), BROKER_USER, StandardCharsets.UTF_8);
        // as `echo "$PASSWORD" > file` writes it: the trailing newline is not part of the password
        Files.writeString(secrets.resolve("kindplan.broker.password"), password + "\n", StandardCharsets.UTF_8);
        Files.writeString(secrets.resolve("kindplan.broker.trust-store"), dir.resolve("trust.p12").toString(),
                StandardCharsets.UTF_8);
        Files.writeString(secrets.resolve("kindplan.broker.trust-store-password"), STORE_PASSWORD, StandardCharsets.UTF_8);
        return secrets;
    }

    /**
     * The hub's JMS configuration alone, with ./config/application.yml (and so its configtree import) as
     * the hub reads it; only the secrets folder, the broker and the failover URL are given here.
     */
    private static ConfigurableApplicationContext hubJms(Path secrets) {
        return new SpringApplicationBuilder(JmsConfig.class).web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--KINDPLAN_SECRETS_DIR=" + secrets + "/",
                        "--kindplan.broker.embedded=false",
                        "--kindplan.broker.url=failover:(ssl://127.0.0.1:" + port + ")?startupMaxReconnectAttempts=0"
                                + "&maxReconnectAttempts=0");
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

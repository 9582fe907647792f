package nl.kindplan.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.password.PasswordEncoder;

/** No default password: without configured users one operator is generated, shown once, kept as a hash. */
class HubUsersTest {

    private final PasswordEncoder encoder = new SecurityConfig().passwordEncoder();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private JdbcTemplate jdbc;

    @BeforeEach
    void freshStore() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:users-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(db);
        log.start();
        ((Logger) LoggerFactory.getLogger(HubUsers.class)).addAppender(log);
    }

    @AfterEach
    void detach() {
        ((Logger) LoggerFactory.getLogger(HubUsers.class)).detachAppender(log);
    }

    @Test
    void withoutConfiguredUsersAnOperatorIsGeneratedPrintedOnceAndKeptOnlyAsAHash() {
        new HubUsers(new SecuritySettings(List.of()), jdbc, encoder);
        String password = printedPassword();

        String stored = jdbc.queryForObject("SELECT password_hash FROM hub_user WHERE name = 'beheerder'", String.class);
        assertThat(stored).startsWith("{bcrypt}").doesNotContain(password);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);

        // the next start finds the hash, prints nothing and still accepts the password
        log.list.clear();
        HubUsers again = new HubUsers(new SecuritySettings(List.of()), jdbc, encoder);
        assertThat(log.list).isEmpty();
        assertThat(encoder.matches(password, again.loadUserByUsername("beheerder").getPassword())).isTrue();
        assertThat(encoder.matches("beheerder", again.loadUserByUsername("beheerder").getPassword())).isFalse();
    }

    @Test
    void configuredUsersReplaceTheGeneratedOne() {
        String hash = encoder.encode("s3cret-for-this-test");
        HubUsers users = new HubUsers(new SecuritySettings(List.of(new SecuritySettings.User("jansen", hash, Role.VIEWER))),
                jdbc, encoder);

        assertThat(users.loadUserByUsername("jansen").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_VIEWER");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_user", Integer.class)).isZero();
        assertThat(log.list).isEmpty();
    }

    @Test
    void aPlainPasswordInTheConfigurationIsRefusedAtStart() {
        for (String notAHash : new String[] {"geheim", "{noop}geheim", ""}) {
            assertThatThrownBy(() -> new HubUsers(new SecuritySettings(List.of(
                    new SecuritySettings.User("jansen", notAHash, Role.OPERATOR))), jdbc, encoder))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("bcrypt");
        }
    }

    private String printedPassword() {
        assertThat(log.list).hasSize(1);
        Object[] args = log.list.get(0).getArgumentArray();
        assertThat(args[0]).isEqualTo("beheerder");
        return (String) args[1];
    }
}

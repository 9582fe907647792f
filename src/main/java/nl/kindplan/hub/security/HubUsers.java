package nl.kindplan.hub.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Who may log in. Users come from configuration (hashed passwords only); when none is configured
 * the hub keeps one generated operator in the database: its password is printed once, at the
 * start that makes it, and only its hash is stored. No password ships with the hub.
 */
public class HubUsers implements UserDetailsService {

    static final String GENERATED_USER = "beheerder";

    private static final Logger LOG = LoggerFactory.getLogger(HubUsers.class);

    private final Map<String, SecuritySettings.User> users = new HashMap<>();

    public HubUsers(SecuritySettings settings, JdbcTemplate jdbc, PasswordEncoder encoder) {
        for (SecuritySettings.User user : settings.users()) {
            users.put(user.name(), checked(user));
        }
        if (users.isEmpty()) {
            SecuritySettings.User generated = generatedOperator(jdbc, encoder);
            users.put(generated.name(), generated);
        }
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        SecuritySettings.User user = users.get(name);
        if (user == null) {
            throw new UsernameNotFoundException("no such user");
        }
        return User.withUsername(user.name()).password(user.passwordHash()).roles(user.role().name()).build();
    }

    /** A configured user must have a name, a role and a real hash: a plain or {noop} password is refused. */
    private static SecuritySettings.User checked(SecuritySettings.User user) {
        if (user.name() == null || user.name().isBlank() || user.role() == null) {
            throw new IllegalStateException("kindplan.security.users: every user needs a name and a role (VIEWER or OPERATOR)");
        }
        String hash = user.passwordHash();
        if (hash == null || !(hash.startsWith("{bcrypt}") || hash.matches("\\$2[aby]?\\$\\d\\d\\$.{53}"))) {
            throw new IllegalStateException("kindplan.security.users: user " + user.name()
                    + " needs a bcrypt password-hash ({bcrypt}$2a$…), not a plain password (see README)");
        }
        return user;
    }

    private static SecuritySettings.User generatedOperator(JdbcTemplate jdbc, PasswordEncoder encoder) {
        List<String> stored = jdbc.queryForList("SELECT password_hash FROM hub_user WHERE name = ?", String.class,
                GENERATED_USER);
        if (!stored.isEmpty()) {
            return new SecuritySettings.User(GENERATED_USER, stored.get(0), Role.OPERATOR);
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String hash = encoder.encode(password);
        jdbc.update("INSERT INTO hub_user (name, password_hash, role, created_at) VALUES (?, ?, ?, ?)",
                GENERATED_USER, hash, Role.OPERATOR.name(), Timestamp.valueOf(LocalDateTime.now()));
        // printed once: the next start finds the hash and cannot show the password again
        LOG.warn("""

                No users are configured (kindplan.security.users). Generated operator, shown only this once:
                    user: {}   password: {}
                Configure your own users with bcrypt hashes and this one stops working (README, Access).
                """, GENERATED_USER, password);
        return new SecuritySettings.User(GENERATED_USER, hash, Role.OPERATOR);
    }
}

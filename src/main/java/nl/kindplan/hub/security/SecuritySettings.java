package nl.kindplan.hub.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The users of the dashboard and the API ({@code kindplan.security.users}), each with a hashed
 * password (bcrypt, e.g. {@code {bcrypt}$2a$12$…}) and a role. None configured: the hub makes one
 * operator with a generated password at its first start.
 */
@ConfigurationProperties(prefix = "kindplan.security")
public record SecuritySettings(List<User> users) {

    public SecuritySettings {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record User(String name, String passwordHash, Role role) {
    }
}

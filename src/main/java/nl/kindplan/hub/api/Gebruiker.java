package nl.kindplan.hub.api;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who asks, as the processing log records it: the user's name and role. */
record Gebruiker(String naam, String rol) {

    static Gebruiker of(Authentication auth) {
        if (auth == null) {
            return new Gebruiker("onbekend", null);
        }
        boolean operator = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch("ROLE_OPERATOR"::equals);
        boolean viewer = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch("ROLE_VIEWER"::equals);
        return new Gebruiker(auth.getName(), operator ? "OPERATOR" : viewer ? "VIEWER" : null);
    }
}

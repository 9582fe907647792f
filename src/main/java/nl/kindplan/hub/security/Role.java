package nl.kindplan.hub.security;

/** What a user of the hub may do: a viewer reads the dashboard and the API, an operator also acts. */
public enum Role {
    /** Reads the dashboard, runs, counts and cases (no child's full record). */
    VIEWER,
    /** Also starts a run, re-sends dead letters and opens one child's record. */
    OPERATOR
}

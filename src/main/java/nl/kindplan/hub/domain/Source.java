package nl.kindplan.hub.domain;

/** The kinds of source the hub reads (inputs.md). */
public enum Source {
    VERZUIM, IJW, INSCHRIJVINGEN, EDEXML;

    /** Its name in config keys, folders and mapping files: verzuim, ijw, inschrijvingen, edexml. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Source fromKey(String key) {
        return valueOf(key.toUpperCase(java.util.Locale.ROOT));
    }
}

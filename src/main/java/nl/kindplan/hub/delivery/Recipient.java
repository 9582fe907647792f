package nl.kindplan.hub.delivery;

/** One recipient of case messages, e.g. SWV PO2801 or GEMEENTE 0363. */
public record Recipient(RecipientType type, String code) {

    /** The JMS queue of outputs.md. */
    public String queue() {
        return "kindplan." + type.name().toLowerCase(java.util.Locale.ROOT) + "." + code;
    }
}

package nl.kindplan.hub.domain;

/** Where a fact came from: the source file and the line in it (1-based). */
public record Herkomst(String bestand, long regel) {
}

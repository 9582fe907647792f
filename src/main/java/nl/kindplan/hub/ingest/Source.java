package nl.kindplan.hub.ingest;

/** The kinds of source the hub reads (inputs.md). */
public enum Source {
    VERZUIM, IJW, INSCHRIJVINGEN, EDEXML
}

package nl.kindplan.hub.demo;

/** How many files and rows (CSV rows, iJw messages, EDEXML leerlingen) a writer produced. */
record Geschreven(int bestanden, int regels) {

    static final Geschreven NIETS = new Geschreven(0, 0);

    Geschreven plus(int extraRegels) {
        return new Geschreven(bestanden + 1, regels + extraRegels);
    }
}

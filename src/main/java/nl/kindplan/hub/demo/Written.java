package nl.kindplan.hub.demo;

/** How many files and rows (CSV rows, iJw messages, EDEXML leerlingen) a writer produced. */
record Written(int bestanden, int regels) {

    static final Written NIETS = new Written(0, 0);

    Written plus(int extraRegels) {
        return new Written(bestanden + 1, regels + extraRegels);
    }
}

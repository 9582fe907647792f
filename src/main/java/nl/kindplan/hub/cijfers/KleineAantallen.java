package nl.kindplan.hub.cijfers;

/**
 * Anonymisation of the figures: a count from 1 to 4 could point at a child, so it is shown as
 * {@code "<5"}; 0 stays 0. A median is only given over at least 5 cases.
 */
public final class KleineAantallen {

    public static final String MINDER_DAN_VIJF = "<5";
    static final int DREMPEL = 5;

    private KleineAantallen() {
    }

    /** The count as it may be shown: a Long (0 or 5 and more) or the string "<5". */
    public static Object toon(long aantal) {
        return aantal > 0 && aantal < DREMPEL ? MINDER_DAN_VIJF : (Object) aantal;
    }
}

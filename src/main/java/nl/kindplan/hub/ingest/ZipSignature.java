package nl.kindplan.hub.ingest;

/** A ZIP archive (an .xlsx workbook is one) starts with the local-file signature {@code PK 03 04}. */
public final class ZipSignature {

    /** How many first bytes {@link #startsAZip} looks at. */
    public static final int LENGTH = 4;

    private ZipSignature() {
    }

    public static boolean startsAZip(byte[] first) {
        return first.length >= LENGTH && first[0] == 'P' && first[1] == 'K' && first[2] == 3 && first[3] == 4;
    }
}

package nl.kindplan.hub.ingest.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

import nl.kindplan.hub.domain.Elfproef;
import nl.kindplan.hub.domain.KindIdentiteit;
import nl.kindplan.hub.mapping.CodeTable;
import nl.kindplan.hub.mapping.SourceMapping;

/**
 * Checks and converts the values of one CSV row; the first bad value stops the row with a
 * {@link BadRowException} whose reason names the column (never a full BSN or a name).
 */
final class RowValues {

    /** Dates that are personal data and never appear in a reason. */
    private static final Set<String> PERSONAL_DATES = Set.of("geboortedatum");

    private final CsvRows.Row row;
    private final SourceMapping mapping;
    private final DateTimeFormatter dates;

    RowValues(CsvRows.Row row, SourceMapping mapping) {
        this.row = row;
        this.mapping = mapping;
        this.dates = mapping.dateFormatter();
    }

    String optional(String field) {
        return row.get(field);
    }

    String required(String field) {
        String v = row.get(field);
        if (v == null) {
            throw new BadRowException(column(field) + " is required");
        }
        return v;
    }

    /** A value the store keeps in a column of {@code max} characters. */
    String atMost(String field, int max, boolean required) {
        String v = required ? required(field) : optional(field);
        if (v != null && v.length() > max) {
            throw new BadRowException(column(field) + " is longer than " + max + " characters");
        }
        return v;
    }

    String matching(String field, String regex, boolean required, String expected) {
        String v = required ? required(field) : optional(field);
        if (v != null && !v.matches(regex)) {
            throw new BadRowException(column(field) + " must be " + expected);
        }
        return v;
    }

    String oneOf(String field, Set<String> allowed) {
        String v = required(field).toUpperCase(java.util.Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new BadRowException(column(field) + " '" + v + "' is not one of " + allowed);
        }
        return v;
    }

    /** The code the value stands for in the table (synonyms resolve to their code). */
    String code(String field, CodeTable table, boolean required) {
        String v = required ? required(field) : optional(field);
        if (v == null) {
            return null;
        }
        return table.resolve(v).map(CodeTable.Code::code)
                .orElseThrow(() -> new BadRowException(column(field) + " '" + v + "' is not a known code of " + table.naam()));
    }

    LocalDate date(String field, boolean required) {
        String v = required ? required(field) : optional(field);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v, dates);
        } catch (DateTimeParseException e) {
            // a birth date is personal data: the reason names the column, not the value
            String shown = PERSONAL_DATES.contains(field) ? "" : " '" + v + "'";
            throw new BadRowException(column(field) + shown + " is not a valid date (" + mapping.datePattern() + ")");
        }
    }

    LocalDateTime dateTime(String field) {
        String v = required(field);
        try {
            return LocalDateTime.parse(v, mapping.dateTimeFormatter());
        } catch (DateTimeParseException e) {
            throw new BadRowException(column(field) + " '" + v + "' is not a valid date-time (" + mapping.dateTimePattern() + ")");
        }
    }

    BigDecimal nonNegativeNumber(String field) {
        String v = optional(field);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(v.replace(',', '.'));
            if (n.signum() < 0) {
                throw new BadRowException(column(field) + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRowException(column(field) + " '" + v + "' is not a number");
        }
    }

    /** The child of the row: a BSN or onderwijsnummer (or both), each checked with its 11-proef. */
    KindIdentiteit kind() {
        String bsn = matching("bsn", "[0-9]{9}", false, "9 digits");
        String onr = matching("onderwijsnummer", "[0-9]{9}", false, "9 digits");
        if (bsn == null && onr == null) {
            throw new BadRowException("bsn or onderwijsnummer is required");
        }
        if (bsn != null && !Elfproef.isBsn(bsn)) {
            throw new BadRowException("bsn " + Elfproef.masker(bsn) + " fails the 11-proef");
        }
        if (onr != null && !Elfproef.isOnderwijsnummer(onr)) {
            throw new BadRowException("onderwijsnummer " + Elfproef.masker(onr) + " fails the 11-proef for onderwijsnummers");
        }
        LocalDate geboortedatum = date("geboortedatum", true);
        if (geboortedatum.isAfter(LocalDate.now())) {
            throw new BadRowException(column("geboortedatum") + " lies in the future");
        }
        return new KindIdentiteit(bsn, onr, geboortedatum, atMost("achternaam", KindIdentiteit.MAX_NAAM, false),
                atMost("voorvoegsel", KindIdentiteit.MAX_VOORVOEGSEL, false),
                atMost("voornamen", KindIdentiteit.MAX_NAAM, false));
    }

    String column(String field) {
        return mapping.namesOf(field).get(0);
    }

    /** A row that cannot be taken in; the reason goes to the file's report with the line number. */
    static final class BadRowException extends RuntimeException {
        BadRowException(String reason) {
            super(reason, null, false, false);
        }
    }
}

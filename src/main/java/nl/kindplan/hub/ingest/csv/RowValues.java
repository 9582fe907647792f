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
            throw new BadRowException(column(field) + " ontbreekt (verplicht veld)");
        }
        return v;
    }

    /** A value the store keeps in a column of {@code max} characters. */
    String atMost(String field, int max, boolean required) {
        String v = required ? required(field) : optional(field);
        if (v != null && v.length() > max) {
            throw new BadRowException(column(field) + " is langer dan " + max + " tekens");
        }
        return v;
    }

    String matching(String field, String regex, boolean required, String expected) {
        String v = required ? required(field) : optional(field);
        if (v != null && !v.matches(regex)) {
            throw new BadRowException(column(field) + " moet bestaan uit " + expected);
        }
        return v;
    }

    String oneOf(String field, Set<String> allowed) {
        String v = required(field).toUpperCase(java.util.Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new BadRowException(column(field) + " '" + v + "' is geen toegestane waarde (toegestaan: "
                    + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
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
                .orElseThrow(() -> new BadRowException(column(field) + " '" + v + "' is geen bekende code (codetabel " + table.naam() + ")"));
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
            throw new BadRowException(column(field) + shown + " is geen geldige datum (formaat " + mapping.datePattern() + ")");
        }
    }

    LocalDateTime dateTime(String field) {
        String v = required(field);
        try {
            return LocalDateTime.parse(v, mapping.dateTimeFormatter());
        } catch (DateTimeParseException e) {
            throw new BadRowException(column(field) + " '" + v + "' is geen geldig tijdstip (formaat " + mapping.dateTimePattern() + ")");
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
                throw new BadRowException(column(field) + " mag niet negatief zijn");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRowException(column(field) + " '" + v + "' is geen getal");
        }
    }

    /** The child of the row: a BSN or onderwijsnummer (or both), each checked with its 11-proef. */
    KindIdentiteit kind() {
        String bsn = matching("bsn", "[0-9]{9}", false, "9 cijfers");
        String onr = matching("onderwijsnummer", "[0-9]{9}", false, "9 cijfers");
        if (bsn == null && onr == null) {
            throw new BadRowException("bsn of onderwijsnummer ontbreekt: een van beide is verplicht");
        }
        if (bsn != null && !Elfproef.isBsn(bsn)) {
            throw new BadRowException("bsn " + Elfproef.masker(bsn) + " voldoet niet aan de 11-proef");
        }
        if (onr != null && !Elfproef.isOnderwijsnummer(onr)) {
            throw new BadRowException("onderwijsnummer " + Elfproef.masker(onr) + " voldoet niet aan de 11-proef voor onderwijsnummers");
        }
        LocalDate geboortedatum = date("geboortedatum", true);
        if (geboortedatum.isAfter(LocalDate.now())) {
            throw new BadRowException(column("geboortedatum") + " ligt in de toekomst");
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

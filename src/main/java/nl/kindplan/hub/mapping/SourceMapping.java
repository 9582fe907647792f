package nl.kindplan.hub.mapping;

import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;

/**
 * How one source's columns or elements map onto the hub's fields, and which date patterns it
 * uses; read from {@code mappings/<source>.yaml} so a gemeente can add a synonym without a build.
 *
 * @param fields hub field → the column names (CSV, case-insensitive) or element names (XML) it may come from
 */
public record SourceMapping(String datePattern, String dateTimePattern, Map<String, List<String>> fields) {

    public DateTimeFormatter dateFormatter() {
        return strict(datePattern == null ? "yyyy-MM-dd" : datePattern);
    }

    public DateTimeFormatter dateTimeFormatter() {
        return strict(dateTimePattern == null ? "yyyy-MM-dd'T'HH:mm:ss" : dateTimePattern);
    }

    /** Strict, so that an impossible date such as 2027-06-31 is an error and not 2027-06-30. */
    static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT);
    }

    /** The names a field may carry at the source; the field's own name when the mapping lists none. */
    public List<String> namesOf(String field) {
        List<String> names = fields == null ? null : fields.get(field);
        return names == null || names.isEmpty() ? List.of(field) : names;
    }
}

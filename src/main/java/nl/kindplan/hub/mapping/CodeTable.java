package nl.kindplan.hub.mapping;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A code table from {@code mappings/codes/}: each code with its omschrijving, optional synonyms
 * that resolve to it, and any extra columns (e.g. {@code brede_vorm} of Productcategorie).
 */
public final class CodeTable {

    /** One code and the columns of its row. */
    public record Code(String code, String omschrijving, Map<String, String> kolommen) {
        public String kolom(String naam) {
            return kolommen.get(naam.toLowerCase(Locale.ROOT));
        }
    }

    private final String naam;
    private final Map<String, Code> codes;
    private final Map<String, Code> opSynoniem;

    public CodeTable(String naam, Collection<Code> codes, Map<String, String> synoniemen) {
        this.naam = naam;
        Map<String, Code> byCode = new LinkedHashMap<>();
        codes.forEach(c -> byCode.put(c.code().toUpperCase(Locale.ROOT), c));
        Map<String, Code> bySyn = new LinkedHashMap<>();
        synoniemen.forEach((syn, code) -> bySyn.put(syn.toUpperCase(Locale.ROOT), byCode.get(code.toUpperCase(Locale.ROOT))));
        this.codes = Collections.unmodifiableMap(byCode);
        this.opSynoniem = Collections.unmodifiableMap(bySyn);
    }

    public String naam() {
        return naam;
    }

    /** The code a source value stands for: the code itself or one of its synonyms, case-insensitive. */
    public Optional<Code> resolve(String waarde) {
        if (waarde == null || waarde.isBlank()) {
            return Optional.empty();
        }
        String key = waarde.trim().toUpperCase(Locale.ROOT);
        Code code = codes.get(key);
        return Optional.ofNullable(code != null ? code : opSynoniem.get(key));
    }

    public Collection<Code> codes() {
        return codes.values();
    }
}

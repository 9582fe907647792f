package nl.kindplan.hub.signal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every threshold and code list of signals.md, as data ({@code kindplan.signals.*}); the
 * {@link DefaultValue}s equal {@link #defaults()}, so an absent key means the spec's value.
 * Codes are compared trimmed and case-insensitively.
 *
 * @param plichtigMinAge               youngest age (years) that is plichtig
 * @param plichtigMaxAge               oldest age (years) that is plichtig (leerplicht plus kwalificatieplicht)
 * @param escalationDays               THUISZITTER/ABSOLUUT_VERZUIM escalate when {@code D - since} reaches this
 * @param absoluutVerzuimGraceDays     ABSOLUUT_VERZUIM holds only when {@code D - since} reaches this (change of school)
 * @param zorgNietToegewezenWorkingDays a JW315 counts when more than this many working days old
 * @param zorgGestoptWindowDays        a JW307 counts when its Einddatum lies in {@code [D - this, D]}
 * @param zorgGestoptRedenen           RedenBeeindiging codes (JZ588) of a JW307 that count as care stopped
 * @param absoluutVerzuimExemptRedenen uitschrijvingsredenen after which no ABSOLUUT_VERZUIM is raised
 * @param openMeldingStatussen         melding statuses that are open
 * @param luxeVerzuimSoorten           verzuimsoorten that never count as an open melding
 * @param thuiszitterSoorten           verzuimsoorten of a THUISZITTER
 * @param matchSoorten                 verzuimsoorten that with active jeugdhulp make a MATCH
 */
@ConfigurationProperties(prefix = "kindplan.signals")
public record SignalSettings(
        @DefaultValue("5") int plichtigMinAge,
        @DefaultValue("17") int plichtigMaxAge,
        @DefaultValue("91") int escalationDays,
        @DefaultValue("7") int absoluutVerzuimGraceDays,
        @DefaultValue("5") int zorgNietToegewezenWorkingDays,
        @DefaultValue("90") int zorgGestoptWindowDays,
        @DefaultValue({"32", "33", "36"}) List<String> zorgGestoptRedenen,
        @DefaultValue({"EMIGRATIE", "DIPLOMA", "OVERLIJDEN"}) List<String> absoluutVerzuimExemptRedenen,
        @DefaultValue({"R", "B"}) List<String> openMeldingStatussen,
        @DefaultValue("L") List<String> luxeVerzuimSoorten,
        @DefaultValue("LRV") List<String> thuiszitterSoorten,
        @DefaultValue({"V3", "V4", "LRV"}) List<String> matchSoorten) {

    public SignalSettings {
        if (plichtigMinAge < 0 || plichtigMaxAge < plichtigMinAge) {
            throw new IllegalArgumentException("plichtig ages must satisfy 0 <= min <= max, got "
                    + plichtigMinAge + ".." + plichtigMaxAge);
        }
        nietNegatief("escalation-days", escalationDays);
        nietNegatief("absoluut-verzuim-grace-days", absoluutVerzuimGraceDays);
        nietNegatief("zorg-niet-toegewezen-working-days", zorgNietToegewezenWorkingDays);
        nietNegatief("zorg-gestopt-window-days", zorgGestoptWindowDays);
        zorgGestoptRedenen = codes(zorgGestoptRedenen);
        absoluutVerzuimExemptRedenen = codes(absoluutVerzuimExemptRedenen);
        openMeldingStatussen = codes(openMeldingStatussen);
        luxeVerzuimSoorten = codes(luxeVerzuimSoorten);
        thuiszitterSoorten = codes(thuiszitterSoorten);
        matchSoorten = codes(matchSoorten);
    }

    /** The values of signals.md. */
    public static SignalSettings defaults() {
        return new SignalSettings(5, 17, 91, 7, 5, 90,
                List.of("32", "33", "36"),
                List.of("EMIGRATIE", "DIPLOMA", "OVERLIJDEN"),
                List.of("R", "B"),
                List.of("L"),
                List.of("LRV"),
                List.of("V3", "V4", "LRV"));
    }

    /** Whether {@code code} is in {@code lijst} (one of this record's code lists), trimmed and case-insensitive. */
    static boolean bevat(Collection<String> lijst, String code) {
        return code != null && lijst.contains(normaal(code));
    }

    private static List<String> codes(List<String> lijst) {
        return lijst == null ? List.of() : lijst.stream().map(SignalSettings::normaal).toList();
    }

    private static String normaal(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }

    private static void nietNegatief(String naam, int waarde) {
        if (waarde < 0) {
            throw new IllegalArgumentException(naam + " must not be negative, got " + waarde);
        }
    }
}

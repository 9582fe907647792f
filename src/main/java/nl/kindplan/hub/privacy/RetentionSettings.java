package nl.kindplan.hub.privacy;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kindplan.retention.*}: how long the hub keeps what (README, Privacy). Periods count on the
 * clock, from when the hub last received a fact of the child or closed the case, not from a night's
 * reference date: replaying an old night must not purge differently.
 *
 * @param kind        a child without open case and without new source data this long is purged whole
 * @param closedCase  a case closed this long ago is purged with its events, facts and messages
 * @param archiveDays archived source files (archive/&lt;source&gt;/&lt;yyyyMMdd&gt;/) are deleted after these days
 * @param errorDays   rejected files and their reports (error/&lt;source&gt;/) likewise
 * @param batchSize   children or cases deleted per statement
 */
@ConfigurationProperties(prefix = "kindplan.retention")
public record RetentionSettings(Period kind, Period closedCase, int archiveDays, int errorDays, int batchSize) {

    public RetentionSettings {
        kind = kind == null ? Period.ofMonths(24) : kind;
        closedCase = closedCase == null ? Period.ofMonths(24) : closedCase;
        archiveDays = archiveDays <= 0 ? 90 : archiveDays;
        errorDays = errorDays <= 0 ? 90 : errorDays;
        batchSize = batchSize <= 0 ? 500 : batchSize;
    }
}

package nl.kindplan.hub.config;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import java.util.Properties;

import javax.sql.DataSource;

import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.Scheduler;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The nightly schedule's clock: Spring Boot's Quartz scheduler (spring.quartz.* in config/application.yml) on
 * a clustered JDBC job store in the hub's own database, under Camel's quartz component. Chosen over a lock of
 * our own because Quartz's cluster already does the two things several instances need: one instance fires
 * each trigger, and a job that was running on an instance that died is taken over by another.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kindplan.run-once", havingValue = "false", matchIfMissing = true)
public class ScheduleConfig {

    /** routes/nightly-schedule.yaml's {@code quartz:} endpoints, on the Spring-managed scheduler. */
    @Bean("quartz")
    QuartzComponent quartz(Scheduler scheduler) {
        QuartzComponent quartz = new QuartzComponent();
        quartz.setScheduler(scheduler);
        // Spring starts and stops the scheduler (spring.quartz.auto-startup: off in run-once mode)
        quartz.setAutoStartScheduler(false);
        return quartz;
    }

    /**
     * Quartz's SQL dialect follows the database, so that moving to PostgreSQL stays a matter of the datasource
     * alone: PostgreSQL keeps job data in BYTEA, which Quartz's standard delegate cannot read.
     */
    @Bean
    SchedulerFactoryBeanCustomizer quartzDialect(DataSource dataSource, QuartzProperties quartz) {
        return factory -> {
            Properties properties = new Properties();
            properties.putAll(quartz.getProperties());
            properties.putIfAbsent("org.quartz.jobStore.driverDelegateClass", delegateFor(dataSource));
            factory.setQuartzProperties(properties);
        };
    }

    private static String delegateFor(DataSource dataSource) {
        String product;
        try {
            product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database the schedule's job store is in", e);
        }
        return product.toLowerCase(Locale.ROOT).contains("postgres") ? PostgreSQLDelegate.class.getName()
                : StdJDBCDelegate.class.getName();
    }
}

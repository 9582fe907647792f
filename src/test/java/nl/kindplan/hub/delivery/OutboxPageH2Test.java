package nl.kindplan.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import nl.kindplan.hub.delivery.SyntheticOutbox.Queued;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The outbox page on the embedded H2: read from the index on (status, id) in its order, so that
 * each page stops after its rows. At national size (200 000 pending messages) a page that H2
 * joined and sorted whole stalled delivery; H2's plan says "index sorted" when it does not.
 */
class OutboxPageH2Test {

    @Test
    void aPageIsReadFromTheIndexInOrderAndStopsAfterItsRows() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:outbox-page;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        SyntheticOutbox synthetic = new SyntheticOutbox(jdbc, new DataSourceTransactionManager(ds));
        long[] kindAndNight = synthetic.kindAndNight(LocalDate.of(2026, 11, 16));
        List<Long> ids = synthetic.queue(kindAndNight[0], kindAndNight[1], 6, 5, "0363", Outbox.Channel.JMS,
                "kindplan.gemeente.0363").stream().map(Queued::outboxId).toList();
        Outbox outbox = new Outbox(jdbc);

        String plan = jdbc.queryForObject("EXPLAIN " + Outbox.PAGE, String.class, 0L, 10);
        assertThat(plan).as("the plan of the page query").contains("index sorted").contains("OUTBOX_STATUS");

        OutboxPage first = outbox.page(0, 10);
        assertThat(first.messages()).extracting(Outbox.Message::id).containsExactlyElementsOf(ids.subList(0, 10));
        assertThat(first.full()).isTrue();
        outbox.claim(ids.subList(10, 12));
        OutboxPage second = outbox.page(first.lastId(), 10);
        assertThat(second.messages()).extracting(Outbox.Message::id).as("pending only, still in order")
                .containsExactlyElementsOf(ids.subList(12, 22));
        OutboxPage last = outbox.page(second.lastId(), 10);
        assertThat(last.messages()).extracting(Outbox.Message::id).containsExactlyElementsOf(ids.subList(22, 30));
        assertThat(last.full()).isFalse();
    }
}

package nl.kindplan.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.kindplan.hub.delivery.SyntheticOutbox.Queued;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The outbox's paged read and batch updates on a real PostgreSQL (embedded), the production
 * database, with server-side prepared statements: the keyset page (FETCH FIRST ? ROWS ONLY), the
 * claim and SENT of a batch, and settling a batch in doubt.
 */
class PostgresOutboxTest {

    static EmbeddedPostgres postgres;
    static JdbcTemplate jdbc;
    static Outbox outbox;
    static List<Queued> queued;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        DataSource ds = postgres.getPostgresDatabase(Map.of("prepareThreshold", "1"));
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        outbox = new Outbox(jdbc);
        SyntheticOutbox synthetic = new SyntheticOutbox(jdbc, new DataSourceTransactionManager(ds));
        long[] kindAndNight = synthetic.kindAndNight(LocalDate.of(2026, 4, 6));
        queued = synthetic.queue(kindAndNight[0], kindAndNight[1], 5, 5, "0363", Outbox.Channel.JMS,
                "kindplan.gemeente.0363");
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theOutboxIsReadInPagesAndChangedInBatchesOnPostgresql() {
        List<Long> ids = queued.stream().map(Queued::outboxId).toList();

        OutboxPage first = outbox.page(0, 10);
        assertThat(first.messages()).extracting(Outbox.Message::id).containsExactlyElementsOf(ids.subList(0, 10));
        assertThat(first.full()).isTrue();
        assertThat(first.messages().get(1).event()).isEqualTo("OPENED");
        assertThat(first.messages().get(1).signal()).isEqualTo("ABSOLUUT_VERZUIM");
        OutboxPage last = outbox.page(outbox.page(first.lastId(), 10).lastId(), 10);
        assertThat(last.messages()).extracting(Outbox.Message::id).containsExactlyElementsOf(ids.subList(20, 25));
        assertThat(last.full()).isFalse();

        List<Long> batch = ids.subList(0, 4);
        assertThat(outbox.claim(batch)).isEqualTo(4);
        assertThat(outbox.claim(batch)).as("claimed once").isZero();
        assertThat(outbox.sending(ids)).containsExactlyElementsOf(batch);
        assertThat(outbox.page(0, 10).messages()).extracting(Outbox.Message::id).as("no longer pending")
                .doesNotContainAnyElementsOf(batch);
        outbox.markBatchSent(batch.subList(0, 2));
        assertThat(outbox.inDoubt()).containsExactlyElementsOf(batch.subList(2, 4));
        outbox.markDelivered(List.of(batch.get(2)));
        outbox.release(List.of(batch.get(3)));
        assertThat(batch).extracting(outbox::status).containsExactly("SENT", "SENT", "SENT", "PENDING");
        assertThat(outbox.countByStatus("SENT")).isEqualTo(3);
    }
}

package nl.kindplan.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.kindplan.hub.TestBsn;
import nl.kindplan.hub.domain.KindIdentiteit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The register's cache of children is bounded: at national size (2.5 M children, far more than it holds)
 * it starts again now and then. It must never do so while a batch is placed: a child read for the batch and
 * dropped before the batch was decided was created a second time, and the store refused the whole file on
 * the unique BSN (seen in the national-size benchmark: a verzuim file of 512 000 rows that never went in).
 */
class KindRegisterCacheTest {

    @Test
    void aBatchLargerThanTheCacheFindsEveryKnownChildOnce() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:kind-cache-" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        KindRegister register = new KindRegister(jdbc);
        List<KindIdentiteit> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(new KindIdentiteit(TestBsn.bsn(), null, LocalDate.of(2014, 1, 1), null, null, null));
        }

        List<Long> first = register.place(batch, new KindRegister.Cache(10)).stream()
                .map(KindRegister.Plaatsing::kindId).toList();
        // the same children again, as the next file of the night names them, through a cache that is full
        KindRegister.Cache full = new KindRegister.Cache(10);
        List<Long> again = register.place(batch, full).stream().map(KindRegister.Plaatsing::kindId).toList();
        List<Long> third = register.place(batch, full).stream().map(KindRegister.Plaatsing::kindId).toList();

        assertThat(again).as("each child found, none created twice").isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kind", Long.class)).isEqualTo(40);
    }
}

package nl.kindplan.hub;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The H2 store of a hub that is not running (killed or ended), opened by the test through JDBC to
 * see what the hub had committed. Closed before the hub starts again: H2 admits one process.
 */
public final class StoreFile implements AutoCloseable {

    private final Connection connection;
    private final JdbcTemplate jdbc;

    public StoreFile(Path dataDir) throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/kindplan"), "kindplan", "");
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    }

    public long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

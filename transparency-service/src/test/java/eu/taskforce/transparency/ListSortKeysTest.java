package eu.taskforce.transparency;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists page through indexes on their sort keys (V15), made by SQL functions that the indexes can hold: they must
 * give the very text that the lists sorted by before, whatever the session's time zone, so that the cursors clients
 * hold (which carry that text) continue where they did.
 */
@QuarkusTest
class ListSortKeysTest {

    private static final List<String> TIMES = List.of("2026-03-29 00:59:59.999999+00", "2026-03-29 03:00:00+02",
            "2026-10-25 02:30:00.5+01", "1999-12-31 23:59:59.000001-08", "2027-01-01 00:00:00+05:30");
    private static final List<String> DAYS = List.of("2026-03-29", "2026-10-25", "2000-02-29", "2027-01-01");

    @Inject
    DataSource database;

    @Test
    void theKeyFunctionsGiveTheTextTheListsSortedByBeforeInEveryTimeZone() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String zone : List.of("UTC", "Europe/Brussels", "America/Los_Angeles", "Asia/Kolkata")) {
                statement.execute("set time zone '" + zone + "'");
                for (String time : TIMES) {
                    assertThat(text(statement, "select register_time_key(timestamptz '" + time + "')"))
                            .isEqualTo(text(statement, "select to_char(timestamptz '" + time
                                    + "' at time zone 'UTC', 'YYYYMMDDHH24MISSUS')"))
                            .hasSize(20);
                    assertThat(text(statement, "select register_feedback_key(timestamptz '" + time
                            + "', 'a4cbd1f5-29c0-4ad7-9b5e-0b3ab5cb8c25', 7)"))
                            .isEqualTo(text(statement, "select to_char(timestamptz '" + time
                                    + "' at time zone 'UTC', 'YYYYMMDDHH24MISSUS') || 'a4cbd1f5-29c0-4ad7-9b5e-0b3ab5cb8c25'"
                                    + " || to_char(7, 'FM000000')"));
                }
                for (String day : DAYS) {
                    assertThat(text(statement, "select register_day_key(date '" + day + "')"))
                            .isEqualTo(text(statement, "select to_char(date '" + day + "', 'YYYYMMDD')"))
                            .isEqualTo(day.replace("-", ""));
                }
            }
            statement.execute("reset time zone");
        }
    }

    private static String text(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}

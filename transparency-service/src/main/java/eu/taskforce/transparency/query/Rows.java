package eu.taskforce.transparency.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Reading a read-model row into typed values, and the SQL the lists share. Sort keys are text that sorts like the
 * value (timestamps as YYYYMMDDHH24MISSUS in UTC), so that a cursor holds it.
 */
public final class Rows {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Rows() {
    }

    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    public static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    public static OffsetDateTime time(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class);
    }

    /** A JSON column read into {@code type}. */
    public static <T> T json(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException("A read-model column is not the JSON expected", e);
        }
    }

    /**
     * A timestamp column as a sort key: YYYYMMDDHH24MISSUS in UTC, through the SQL function that the lists' indexes
     * hold (V15).
     */
    static String utcKey(String column) {
        return "register_time_key(" + column + ")";
    }

    /** A date column as a sort key: YYYYMMDD, through the SQL function that the lists' indexes hold (V15). */
    static String dayKey(String column) {
        return "register_day_key(" + column + ")";
    }

    /** A list inside a CSV cell. */
    static String joined(List<String> values) {
        return values == null ? null : String.join(";", values);
    }
}

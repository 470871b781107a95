package eu.taskforce.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test-only: the log file an application writes with {@code TASKFORCE_LOG_JSON=true}, one JSON object a line. */
public record JsonLogFile(Path path) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The lines of one request: those whose MDC names its request id. */
    public List<JsonNode> linesOf(String requestId) {
        return text().lines().map(JsonLogFile::parse)
                .filter(line -> requestId.equals(line.at("/mdc/requestId").asText())).toList();
    }

    /** The whole file as written so far (empty before the first line). */
    public String text() {
        try {
            return Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}

package eu.taskforce.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test-only: the log file an application writes with {@code TASKFORCE_LOG_JSON=true}, one JSON object a line. */
public record JsonLogFile(Path path) {

    private static final ObjectReader LINES = new ObjectMapper().readerFor(JsonNode.class);

    /** The lines of one request: those whose MDC names its request id. Fails on a line that is not JSON. */
    public List<JsonNode> linesOf(String requestId) {
        try (MappingIterator<JsonNode> lines = LINES.readValues(text())) {
            return lines.readAll().stream().filter(line -> requestId.equals(line.at("/mdc/requestId").asText()))
                    .toList();
        } catch (IOException e) {
            throw new AssertionError("not one JSON object a line: " + path, e);
        }
    }

    /** The whole file as written so far (empty before the first line). */
    public String text() {
        try {
            return Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package eu.taskforce.contracts.reference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chapters, commitments and measures of the Code of Practice, from the versioned resource shipped in this jar.
 * Every service validates references to the Code through this one accessor.
 * <p>
 * Ids: a commitment is {@code CHAPTER-N} (for example {@code SAFETY_AND_SECURITY-3}), a measure is
 * {@code CHAPTER-N.M} (for example {@code SAFETY_AND_SECURITY-3.2}).
 */
public final class CodeOfPractice {

    public static final String RESOURCE = "reference/code-of-practice-2025-07-10.json";

    private static final CodeOfPractice CURRENT = load(RESOURCE);

    private final Document document;
    private final Map<String, Commitment> commitments = new LinkedHashMap<>();
    private final Map<String, Measure> measures = new LinkedHashMap<>();

    private CodeOfPractice(Document document) {
        this.document = document;
        for (ChapterText chapter : document.chapters()) {
            for (Commitment commitment : chapter.commitments()) {
                commitments.put(commitment.id(), commitment);
                commitment.measures().forEach(m -> measures.put(m.id(), m));
            }
        }
    }

    /** The text of the Code in force. */
    public static CodeOfPractice current() {
        return CURRENT;
    }

    static CodeOfPractice load(String resource) {
        try (InputStream in = CodeOfPractice.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Reference data missing from the contracts jar: " + resource);
            }
            return new CodeOfPractice(new ObjectMapper().readValue(in, Document.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Reference data unreadable: " + resource, e);
        }
    }

    public String version() {
        return document.version();
    }

    public String source() {
        return document.source();
    }

    public List<ChapterText> chapters() {
        return document.chapters();
    }

    public Collection<Commitment> commitments() {
        return commitments.values();
    }

    public Collection<Measure> measures() {
        return measures.values();
    }

    public Optional<Commitment> commitment(String id) {
        return Optional.ofNullable(commitments.get(id));
    }

    public Optional<Measure> measure(String id) {
        return Optional.ofNullable(measures.get(id));
    }

    /** True when {@code id} names a commitment or a measure of this text of the Code. */
    public boolean isKnownReference(String id) {
        return id != null && (commitments.containsKey(id) || measures.containsKey(id));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Document(String version, String title, String source, List<ChapterText> chapters) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChapterText(Chapter id, String title, String appliesTo, List<String> aiActArticles,
                              List<Commitment> commitments) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Commitment(String id, int number, String title, List<Measure> measures) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Measure(String id, String number, String title) {
    }
}

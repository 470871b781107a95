package eu.taskforce.contracts.reference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One edition of the Code of Practice: its chapters, commitments and measures. Every edition is named by its date
 * ({@code 2025-07-10}); a reference to the Code names its edition, so a later edition never changes what an earlier
 * reference meant. Every service validates references to the Code through this one accessor.
 * <p>
 * The editions are those listed in {@value #EDITIONS} of this jar, and those in the directory named by the system
 * property {@value #EDITIONS_DIRECTORY_PROPERTY} or the environment variable {@value #EDITIONS_DIRECTORY_VARIABLE}
 * (every {@code *.json} file in it, in the same format), so that an edition can be loaded without a new release.
 * <p>
 * Ids: a commitment is {@code CHAPTER-N} (for example {@code SAFETY_AND_SECURITY-3}), a measure is
 * {@code CHAPTER-N.M} (for example {@code SAFETY_AND_SECURITY-3.2}).
 */
public final class CodeOfPractice {

    /** The list of the editions shipped in this jar. */
    public static final String EDITIONS = "reference/code-of-practice-editions.txt";
    public static final String EDITIONS_DIRECTORY_PROPERTY = "taskforce.code.editions-dir";
    public static final String EDITIONS_DIRECTORY_VARIABLE = "TASKFORCE_CODE_EDITIONS_DIR";
    /** The edition of every reference made before references named their edition. */
    public static final String FIRST_EDITION = "2025-07-10";

    /** Every edition loaded, by date. */
    private static final TreeMap<LocalDate, CodeOfPractice> EDITIONS_BY_DATE = loadEditions(
            System.getProperty(EDITIONS_DIRECTORY_PROPERTY, System.getenv(EDITIONS_DIRECTORY_VARIABLE)));

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

    /** The edition in force: the latest. New references name it unless they name another. */
    public static CodeOfPractice current() {
        return EDITIONS_BY_DATE.lastEntry().getValue();
    }

    /** The edition of that date ({@code 2025-07-10}), if it is loaded. */
    public static Optional<CodeOfPractice> edition(String date) {
        try {
            return date == null ? Optional.empty() : Optional.ofNullable(EDITIONS_BY_DATE.get(LocalDate.parse(date)));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Every edition loaded, oldest first. */
    public static List<CodeOfPractice> editions() {
        return List.copyOf(EDITIONS_BY_DATE.values());
    }

    /** The editions shipped in this jar, and those in {@code directory} when it is named. */
    static TreeMap<LocalDate, CodeOfPractice> loadEditions(String directory) {
        TreeMap<LocalDate, CodeOfPractice> editions = new TreeMap<>();
        for (String resource : bundledEditions()) {
            add(editions, load(resource), resource);
        }
        if (directory != null && !directory.isBlank()) {
            try (Stream<Path> files = Files.list(Path.of(directory))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        add(editions, read(in), file.toString());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Editions of the Code unreadable in " + directory, e);
            }
        }
        return editions;
    }

    private static void add(TreeMap<LocalDate, CodeOfPractice> editions, CodeOfPractice edition, String from) {
        if (editions.putIfAbsent(edition.date(), edition) != null) {
            throw new IllegalStateException("Two editions of the Code of " + edition.version() + " (" + from + ")");
        }
    }

    private static List<String> bundledEditions() {
        try (InputStream in = CodeOfPractice.class.getClassLoader().getResourceAsStream(EDITIONS)) {
            if (in == null) {
                throw new IllegalStateException("Reference data missing from the contracts jar: " + EDITIONS);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Reference data unreadable: " + EDITIONS, e);
        }
    }

    static CodeOfPractice load(String resource) {
        try (InputStream in = CodeOfPractice.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Reference data missing from the contracts jar: " + resource);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Reference data unreadable: " + resource, e);
        }
    }

    private static CodeOfPractice read(InputStream in) throws IOException {
        return new CodeOfPractice(new ObjectMapper().readValue(in, Document.class));
    }

    /** The edition's name: its date, {@code 2025-07-10}. */
    public String version() {
        return document.version();
    }

    public LocalDate date() {
        return LocalDate.parse(document.version());
    }

    public String title() {
        return document.title();
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

    /** The title of the commitment or measure {@code id} names in this edition, if it names one. */
    public Optional<String> titleOf(String id) {
        return commitment(id).map(Commitment::title).or(() -> measure(id).map(Measure::title));
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

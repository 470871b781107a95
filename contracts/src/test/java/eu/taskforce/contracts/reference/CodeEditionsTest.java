package eu.taskforce.contracts.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Editions of the Code: the one shipped, and later ones loaded from a directory beside it. */
class CodeEditionsTest {

    static final String LATER_EDITION = """
            {"version": "2027-03-01", "title": "General-Purpose AI Code of Practice", "source": "a later edition",
             "chapters": [{"id": "SAFETY_AND_SECURITY", "title": "Safety and Security",
               "commitments": [{"id": "SAFETY_AND_SECURITY-3", "number": 3, "title": "Systemic risk analysis",
                 "measures": [{"id": "SAFETY_AND_SECURITY-3.6", "number": "3.6", "title": "Post-market evaluations"}]}]}]}
            """;

    @Test
    void theShippedEditionIsTheOnlyOneWithoutADirectory() {
        assertThat(CodeOfPractice.loadEditions(null).keySet()).containsExactly(LocalDate.of(2025, 7, 10));
        assertThat(CodeOfPractice.loadEditions(" ").keySet()).containsExactly(LocalDate.of(2025, 7, 10));
        // the module tests name a directory with a later edition (the build's taskforce.code.editions-dir)
        assertThat(CodeOfPractice.editions()).extracting(CodeOfPractice::version)
                .containsExactly("2025-07-10", "2027-03-01");
        assertThat(CodeOfPractice.current().version()).isEqualTo("2027-03-01");
        assertThat(CodeOfPractice.edition("2025-07-10")).get().extracting(CodeOfPractice::date)
                .isEqualTo(LocalDate.of(2025, 7, 10));
        assertThat(CodeOfPractice.edition("2025-07-11")).isEmpty();
        assertThat(CodeOfPractice.edition("10 July 2025")).isEmpty();
        assertThat(CodeOfPractice.edition(null)).isEmpty();
    }

    @Test
    void aLaterEditionLoadedFromTheDirectoryBecomesCurrentAndTheEarlierKeepsItsMeaning(@TempDir Path directory)
            throws IOException {
        Files.writeString(directory.resolve("code-of-practice-2027-03-01.json"), LATER_EDITION);
        Files.writeString(directory.resolve("notes.txt"), "not an edition");
        TreeMap<LocalDate, CodeOfPractice> editions = CodeOfPractice.loadEditions(directory.toString());

        assertThat(editions.keySet()).containsExactly(LocalDate.of(2025, 7, 10), LocalDate.of(2027, 3, 1));
        CodeOfPractice later = editions.lastEntry().getValue();
        CodeOfPractice first = editions.firstEntry().getValue();
        assertThat(later.isKnownReference("SAFETY_AND_SECURITY-3.6")).isTrue();
        assertThat(first.isKnownReference("SAFETY_AND_SECURITY-3.6")).isFalse();
        assertThat(later.titleOf("SAFETY_AND_SECURITY-3")).contains("Systemic risk analysis");
        assertThat(first.titleOf("SAFETY_AND_SECURITY-3.2")).contains("Model evaluations");
        assertThat(later.titleOf("SAFETY_AND_SECURITY-3.2")).isEmpty();
    }

    @Test
    void twoEditionsOfOneDateAreRefused(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("again.json"), LATER_EDITION.replace("2027-03-01", "2025-07-10"));
        assertThatThrownBy(() -> CodeOfPractice.loadEditions(directory.toString()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Two editions of the Code of 2025-07-10");
    }
}

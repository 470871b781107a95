package eu.taskforce.guidance.service;

import eu.taskforce.contracts.reference.CodeOfPractice;

import java.util.LinkedHashSet;
import java.util.List;

/** References to the Code's commitments and measures, as stored: stripped, without duplicates, in the given order. */
public final class CodeReferences {

    public static List<String> normalise(List<String> references) {
        return references == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(references.stream().map(String::strip).toList()));
    }

    /** The title of a commitment or measure of the Code, or null when it names none. */
    public static String title(String reference) {
        CodeOfPractice code = CodeOfPractice.current();
        return code.commitment(reference).map(CodeOfPractice.Commitment::title)
                .or(() -> code.measure(reference).map(CodeOfPractice.Measure::title)).orElse(null);
    }

    private CodeReferences() {
    }
}

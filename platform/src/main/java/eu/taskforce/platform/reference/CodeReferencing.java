package eu.taskforce.platform.reference;

import eu.taskforce.contracts.reference.CodeOfPractice;

import java.util.List;

/**
 * A request body that refers to commitments or measures of the Code of Practice, all in one edition: the one it names,
 * or the current one when it names none. Checked by {@link KnownCodeReferences}.
 */
public interface CodeReferencing {

    /** The edition the references name, by its date ({@code 2025-07-10}); null for the current edition. */
    String codeEdition();

    List<String> codeReferences();

    /** The edition to store: the one named, or the current one. */
    default String editionOrCurrent() {
        return codeEdition() == null ? CodeOfPractice.current().version() : codeEdition().strip();
    }
}

package eu.taskforce.platform.api;

/**
 * The stable key of a section of a versioned document (a guidance document, the Taskforce Vademecum): the same key
 * names the same section in every version, so that input, comparisons and links survive a new version.
 */
public final class SectionKeys {

    /** 1 to 64 lower-case letters, digits or dashes, not starting with a dash. */
    public static final String PATTERN = "^[a-z0-9][a-z0-9-]{0,63}$";

    public static final String MESSAGE = "must be 1 to 64 lower-case letters, digits or dashes";

    private SectionKeys() {
    }
}

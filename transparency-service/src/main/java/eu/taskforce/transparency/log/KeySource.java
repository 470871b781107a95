package eu.taskforce.transparency.log;

import java.util.Optional;

/** Where the signing key of the log's heads comes from. */
enum KeySource {
    FILE, NEW_FILE, DATABASE;

    /**
     * The signing key's source: the configured file when it exists; else one the register makes (in that file, or in
     * the database when no file is set), only where that is allowed; else the service must not start.
     */
    static KeySource of(Optional<String> file, boolean fileExists, boolean generate) {
        if (file.isPresent() && fileExists) {
            return FILE;
        }
        if (!generate) {
            throw new IllegalStateException(file.isPresent()
                    ? "The register's signing key file " + file.get() + " does not exist: give every instance the same "
                    + "key (a Secret), or set taskforce.register.generate-signing-key=true to have one made there"
                    : "The register has no signing key: set taskforce.register.signing-key-file "
                    + "(TASKFORCE_REGISTER_SIGNING_KEY_FILE) to the key every instance shares, or "
                    + "taskforce.register.generate-signing-key=true to keep one made in the database");
        }
        return file.isPresent() ? NEW_FILE : DATABASE;
    }
}

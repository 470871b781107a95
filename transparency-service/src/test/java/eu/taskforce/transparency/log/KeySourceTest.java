package eu.taskforce.transparency.log;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static eu.taskforce.transparency.log.KeySource.DATABASE;
import static eu.taskforce.transparency.log.KeySource.FILE;
import static eu.taskforce.transparency.log.KeySource.NEW_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every instance signs with the key it was given: one that lacks it refuses to start, unless it is allowed to make its
 * own (development, the tests, the one-machine stacks).
 */
class KeySourceTest {

    @Test
    void theGivenFileIsUsedWhereverItIs() {
        assertThat(KeySource.of(Optional.of("/etc/taskforce/register/signing-key.pem"), true, false)).isEqualTo(FILE);
        assertThat(KeySource.of(Optional.of("/etc/taskforce/register/signing-key.pem"), true, true)).isEqualTo(FILE);
    }

    @Test
    void withoutItsKeyAnInstanceRefusesToStart() {
        assertThatThrownBy(() -> KeySource.of(Optional.of("/etc/taskforce/register/signing-key.pem"), false, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/etc/taskforce/register/signing-key.pem does not exist");
        assertThatThrownBy(() -> KeySource.of(Optional.empty(), false, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TASKFORCE_REGISTER_SIGNING_KEY_FILE");
    }

    @Test
    void whereAllowedTheRegisterMakesItsKey() {
        assertThat(KeySource.of(Optional.of("run/signing-key.pem"), false, true)).isEqualTo(NEW_FILE);
        assertThat(KeySource.of(Optional.empty(), false, true)).isEqualTo(DATABASE);
    }
}

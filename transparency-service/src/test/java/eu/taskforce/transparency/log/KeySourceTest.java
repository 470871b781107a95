package eu.taskforce.transparency.log;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static eu.taskforce.transparency.log.HeadSigner.KeySource.DATABASE;
import static eu.taskforce.transparency.log.HeadSigner.KeySource.FILE;
import static eu.taskforce.transparency.log.HeadSigner.KeySource.NEW_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every instance signs with the key it was given: one that lacks it refuses to start, unless it is allowed to make its
 * own (development, the tests, the one-machine stacks).
 */
class KeySourceTest {

    @Test
    void theGivenFileIsUsedWhereverItIs() {
        assertThat(HeadSigner.keySource(Optional.of("/etc/taskforce/register/signing-key.pem"), true, false)).isEqualTo(FILE);
        assertThat(HeadSigner.keySource(Optional.of("/etc/taskforce/register/signing-key.pem"), true, true)).isEqualTo(FILE);
    }

    @Test
    void withoutItsKeyAnInstanceRefusesToStart() {
        assertThatThrownBy(() -> HeadSigner.keySource(Optional.of("/etc/taskforce/register/signing-key.pem"), false, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/etc/taskforce/register/signing-key.pem does not exist");
        assertThatThrownBy(() -> HeadSigner.keySource(Optional.empty(), false, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TASKFORCE_REGISTER_SIGNING_KEY_FILE");
    }

    @Test
    void whereAllowedTheRegisterMakesItsKey() {
        assertThat(HeadSigner.keySource(Optional.of("run/signing-key.pem"), false, true)).isEqualTo(NEW_FILE);
        assertThat(HeadSigner.keySource(Optional.empty(), false, true)).isEqualTo(DATABASE);
    }
}

package eu.taskforce.common.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit test: the token is read from the Authorization header as quarkus-oidc reads it, or not at all. */
class RememberedTokenMechanismTest {

    @Test
    void theTokenAfterABearerScheme() {
        assertThat(RememberedTokenMechanism.bearerToken("Bearer abc.def.ghi")).isEqualTo("abc.def.ghi");
        assertThat(RememberedTokenMechanism.bearerToken("bearer abc.def.ghi")).isEqualTo("abc.def.ghi");
        assertThat(RememberedTokenMechanism.bearerToken("BEARER  abc")).isEqualTo(" abc");
    }

    @Test
    void noTokenForAnotherSchemeOrNone() {
        assertThat(RememberedTokenMechanism.bearerToken(null)).isNull();
        assertThat(RememberedTokenMechanism.bearerToken("Basic dXNlcjpwYXNz")).isNull();
        assertThat(RememberedTokenMechanism.bearerToken("Bearerish abc")).isNull();
        assertThat(RememberedTokenMechanism.bearerToken("Bearer")).isNull();
        assertThat(RememberedTokenMechanism.bearerToken(" Bearer abc")).isNull();
    }
}

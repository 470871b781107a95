package eu.taskforce.gateway.security;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate-limit keys: a token's subject, else the principal's name, else (anonymous) the connection's address. */
class CallersTest {

    static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "preferred-name";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }

    static QuarkusSecurityIdentity identity(Principal principal) {
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).build();
    }

    @Test
    void aTokenCallerIsItsSubjectWhateverItsAddress() {
        assertThat(Callers.keyOf(identity(token(Map.of("sub", "3f2a"))), "192.0.2.1")).isEqualTo("sub:3f2a");
        assertThat(Callers.keyOf(identity(token(Map.of("sub", "3f2a"))), "198.51.100.7")).isEqualTo("sub:3f2a");
    }

    @Test
    void aTokenWithoutSubjectOrAnotherPrincipalIsItsName() {
        assertThat(Callers.keyOf(identity(token(Map.of())), "192.0.2.1")).isEqualTo("name:preferred-name");
        assertThat(Callers.keyOf(identity(() -> "service-account"), "192.0.2.1")).isEqualTo("name:service-account");
    }

    @Test
    void anAnonymousCallerIsTheConnectionsAddress() {
        assertThat(Callers.keyOf(null, "192.0.2.1")).isEqualTo("address:192.0.2.1");
        assertThat(Callers.keyOf(null, "2001:db8::1")).isEqualTo("address:2001:db8::1");
    }
}

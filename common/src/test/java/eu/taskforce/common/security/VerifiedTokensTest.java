package eu.taskforce.common.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit test: a verified token's identity is served again until the token expires, for exactly that token. */
class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000L;

    private final AtomicLong seconds = new AtomicLong(NOW);
    private final VerifiedTokens tokens = new VerifiedTokens(2, () -> TimeUnit.SECONDS.toNanos(seconds.get()), seconds::get);

    @Test
    void aVerifiedTokenIsServedAgainWithTheRolesAndSubjectItHad() {
        tokens.remember(verified("token-a", "subject-a", NOW + 300));

        SecurityIdentity again = tokens.find("token-a", null).orElseThrow();

        assertThat(again.getPrincipal().getName()).isEqualTo("subject-a");
        assertThat(again.getRoles()).containsExactly("member");
        assertThat(again.isAnonymous()).isFalse();
        assertThat(tokens.find("token-b", null)).isEmpty();
    }

    @Test
    void notAfterTheTokenExpires() {
        tokens.remember(verified("token-a", "subject-a", NOW + 300));

        seconds.set(NOW + 299);
        assertThat(tokens.find("token-a", null)).isPresent();
        seconds.set(NOW + 300);
        assertThat(tokens.find("token-a", null)).isEmpty();
    }

    @Test
    void anExpiredOrAnonymousIdentityIsNotRemembered() {
        tokens.remember(verified("token-a", "subject-a", NOW));
        tokens.remember(QuarkusSecurityIdentity.builder(verified("token-b", "subject-b", NOW + 300)).setAnonymous(true).build());

        assertThat(tokens.find("token-a", null)).isEmpty();
        assertThat(tokens.find("token-b", null)).isEmpty();
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void boundedInSize() {
        for (int i = 0; i < 50; i++) {
            tokens.remember(verified("token-" + i, "subject-" + i, NOW + 300));
        }
        assertThat(tokens.remembered()).isLessThanOrEqualTo(2);
    }

    @Test
    void aLongTokenCountsAsSeveral() {
        assertThat(VerifiedTokens.weight("t".repeat(VerifiedTokens.TOKEN_UNIT))).isEqualTo(1);
        assertThat(VerifiedTokens.weight("t".repeat(VerifiedTokens.TOKEN_UNIT + 1))).isEqualTo(2);

        // the bound here is 2: a token of three units is never kept, one of two is
        tokens.remember(verified("t".repeat(2 * VerifiedTokens.TOKEN_UNIT + 1), "subject-a", NOW + 300));
        assertThat(tokens.remembered()).isZero();
        tokens.remember(verified("t".repeat(2 * VerifiedTokens.TOKEN_UNIT), "subject-b", NOW + 300));
        assertThat(tokens.remembered()).isEqualTo(1);
    }

    @Test
    void theRequestThatVerifiedItIsNotKept() {
        Object firstRequest = new Object();
        tokens.remember(QuarkusSecurityIdentity.builder(verified("token-a", "subject-a", NOW + 300))
                .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, firstRequest).build());

        assertThat((Object) tokens.find("token-a", null).orElseThrow()
                .getAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE)).isNull();
    }

    @Test
    void foundByTheTokensTextAndOnlyByAllOfIt() {
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl";
        tokens.remember(verified(token, "subject-a", NOW + 300));

        assertThat(tokens.find(new String(token.toCharArray()), null)).isPresent();
        assertThat(tokens.find(token.substring(0, token.length() - 1) + "x", null)).isEmpty();
        assertThat(tokens.find(token + " ", null)).isEmpty();
        // the same signature (the characters hashed) under another header or payload
        assertThat(tokens.find("x" + token.substring(1), null)).isEmpty();
        assertThat(tokens.find(token.replace(".eyJzdWIiOiJhIn0.", ".eyJzdWIiOiJiIn0."), null)).isEmpty();
    }

    private static SecurityIdentity verified(String token, String subject, long expiresAt) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new Jwt(subject, expiresAt))
                .addRole("member")
                .addCredential(new AccessTokenCredential(token))
                .build();
    }

    private record Jwt(String subject, long expiresAt) implements JsonWebToken {
        @Override
        public String getName() {
            return subject;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("sub", "exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) Map.<String, Object>of("sub", subject, "exp", expiresAt).get(claimName);
        }
    }
}

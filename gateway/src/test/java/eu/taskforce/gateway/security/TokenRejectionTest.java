package eu.taskforce.gateway.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRejectionTest {

    private static final String ISSUER = "http://127.0.0.1:8180/realms/taskforce";
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void namesTheFirstThingToFix() {
        assertThat(detail("{\"iss\":\"https://other\",\"exp\":1,\"aud\":\"x\"}")).contains("not issued by");
        assertThat(detail("{\"iss\":\"" + ISSUER + "\",\"exp\":" + NOW.getEpochSecond() + ",\"aud\":\"x\"}"))
                .contains("expired");
        assertThat(detail("{\"iss\":\"" + ISSUER + "\",\"exp\":" + (NOW.getEpochSecond() + 60) + ",\"aud\":[\"account\"]}"))
                .contains("audience must include taskforce-api");
        assertThat(detail("{\"iss\":\"" + ISSUER + "\",\"exp\":" + (NOW.getEpochSecond() + 60)
                + ",\"aud\":[\"account\",\"taskforce-api\"]}")).contains("signature");
    }

    @Test
    void malformedTokens() {
        assertThat(TokenRejection.of("Bearer abc", ISSUER, "taskforce-api", NOW).detail()).contains("malformed");
        assertThat(TokenRejection.of("Bearer a.b.c", ISSUER, "taskforce-api", NOW).detail()).contains("malformed");
        assertThat(TokenRejection.of(null, ISSUER, "taskforce-api", NOW).detail()).contains("malformed");
    }

    @Test
    void challengeFollowsRfc6750() {
        TokenRejection rejection = TokenRejection.of("Bearer abc", ISSUER, "taskforce-api", NOW);
        assertThat(rejection.challenge("taskforce")).isEqualTo("Bearer realm=\"taskforce\", error=\"invalid_token\", "
                + "error_description=\"" + rejection.detail() + "\"");
        assertThat(TokenRejection.MISSING.challenge("taskforce")).isEqualTo("Bearer realm=\"taskforce\"");
    }

    private static String detail(String claims) {
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        return TokenRejection.of("Bearer eyJhbGciOiJSUzI1NiJ9." + payload + ".c2ln", ISSUER, "taskforce-api", NOW)
                .detail();
    }
}

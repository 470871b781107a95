import eu.taskforce.common.security.VerifiedTokens;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.jose4j.jwt.JwtClaims;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * The heap that the verified-token cache (module common, security.VerifiedTokens) holds when full: remembers
 * distinct identities made as quarkus-oidc makes them (the principal with the token's parsed claims, the token as
 * credential, the realm roles) from tokens shaped like the realm's access tokens of a member, then prints the heap
 * used after a full GC against before, in all and per entry. Run by bench/token-cache-memory.sh.
 * Arguments: the cache's bound (taskforce.token-cache.max-size), how many tokens to remember, extra claim characters.
 */
public class TokenCacheMemory {

    public static void main(String[] args) throws Exception {
        long bound = Long.parseLong(args[0]);
        int count = Integer.parseInt(args[1]);
        String padding = "x".repeat(Integer.parseInt(args[2]));
        VerifiedTokens cache = new VerifiedTokens(bound);
        long expiresAt = System.currentTimeMillis() / 1000 + 3600;
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"Hq2bX0mR8vP6tLk3WcN9yF5jD1sA7uE4oI-ZgQ\"}".getBytes(StandardCharsets.UTF_8));
        String signature = base64.encodeToString(new byte[256]);
        long before = heapAfterGc();
        int tokenLength = 0;
        for (int i = 0; i < count; i++) {
            String claims = "{\"exp\":" + expiresAt + ",\"iat\":" + (expiresAt - 300) + ",\"jti\":\"" + UUID.randomUUID()
                    + "\",\"iss\":\"http://127.0.0.1:8180/realms/taskforce\",\"aud\":[\"taskforce-api\",\"account\"],"
                    + "\"sub\":\"" + UUID.randomUUID() + "\",\"typ\":\"Bearer\",\"azp\":\"taskforce-portal\",\"sid\":\""
                    + UUID.randomUUID() + "\",\"acr\":\"1\",\"allowed-origins\":[\"http://localhost:3000\","
                    + "\"http://127.0.0.1:3000\"],\"realm_access\":{\"roles\":[\"default-roles-taskforce\","
                    + "\"offline_access\",\"uma_authorization\",\"member\"]},\"resource_access\":{\"account\":"
                    + "{\"roles\":[\"manage-account\",\"manage-account-links\",\"view-profile\"]}},\"scope\":"
                    + "\"openid email profile\",\"email_verified\":true,\"org\":\"" + UUID.randomUUID() + "\",\"name\":"
                    + "\"Member A Demo\",\"preferred_username\":\"member-a\",\"given_name\":\"Member A\","
                    + "\"family_name\":\"Demo" + padding + "\",\"email\":\"member-a@example.org\"}";
            String token = header + "." + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + signature;
            tokenLength = token.length();
            AccessTokenCredential credential = new AccessTokenCredential(token);
            cache.augment(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new OidcJwtCallerPrincipal(JwtClaims.parse(claims), credential))
                    .addRoles(Set.of("default-roles-taskforce", "offline_access", "uma_authorization", "member"))
                    .addCredential(credential)
                    .addAttribute("tenant-id", "Default")
                    .build(), null).await().indefinitely();
        }
        long used = heapAfterGc() - before;
        long kept = cache.remembered();
        System.out.printf("bound %d, %d tokens of %d characters remembered, %d kept: heap %.1f MB, %.0f bytes a token kept%n",
                bound, count, tokenLength, kept, used / 1e6, kept == 0 ? 0.0 : used / (double) kept);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}

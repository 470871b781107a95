package eu.taskforce.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Bearer tokens that quarkus-oidc has verified (issuer, signature, expiry, audience), remembered until they expire, so
 * that a caller's next requests with the same token skip the signature check (an RSA verification, the largest cost of
 * an authenticated request in the profiles of the gateway and of the services, which run without C2's BigInteger
 * intrinsics). Keyed by the token itself, the same string that the identity's credential holds (no copy of it, and no
 * hash of it computed per request: SHA-256 without C2's intrinsics was a seventh of an authenticated read's CPU in
 * membership-service); nothing here logs one. Bounded by what it holds: an identity made from a Keycloak access token
 * of 1.5 KiB retains about 12 KB of heap (the token, its parsed claims; bench/token-cache-memory.sh), so the default
 * of 1,000 such tokens is about 12 MB; a longer token counts as one per {@value #TOKEN_UNIT} characters begun, so that
 * long tokens cannot hold more. The gateway and every service each keep their own: a service still verifies a token
 * that it has not seen, whatever the gateway did with it.
 * <p>
 * Filled as an augmentor, the last one to see an identity that quarkus-oidc made; read by
 * {@link RememberedTokenMechanism} before quarkus-oidc is asked.
 */
@ApplicationScoped
public class VerifiedTokens implements SecurityIdentityAugmentor {

    /** The identity, without the routing context of the request that verified it, and when its token expires. */
    private record Verified(SecurityIdentity identity, long expiresAtSeconds, int weight) {
    }

    /** The length of token that counts as one towards the bound. */
    static final int TOKEN_UNIT = 2048;

    /**
     * A token as the cache's key: equal to the same token only, hashed by its last characters (the signature's, random
     * for every token the realm signs), so that a lookup does not hash the whole token (1.5 KiB) on every request.
     */
    private record Key(String token) {
        private static final int HASHED = 32;

        @Override
        public int hashCode() {
            int hash = 0;
            for (int i = Math.max(0, token.length() - HASHED); i < token.length(); i++) {
                hash = 31 * hash + token.charAt(i);
            }
            return hash;
        }
    }

    private final Cache<Key, Verified> verified;
    private final LongSupplier epochSeconds;

    /**
     * {@code maxSize}: how many tokens of up to {@value #TOKEN_UNIT} characters are remembered at most (a longer one
     * counts as several); 0 verifies every request.
     */
    @Inject
    public VerifiedTokens(@ConfigProperty(name = "taskforce.token-cache.max-size", defaultValue = "1000") long maxSize) {
        this(maxSize, Ticker.systemTicker(), () -> System.currentTimeMillis() / 1000);
    }

    /** {@code ticker} drives the cache's expiry, {@code epochSeconds} is the clock that tokens' expiry is read against. */
    VerifiedTokens(long maxSize, Ticker ticker, LongSupplier epochSeconds) {
        this.epochSeconds = epochSeconds;
        this.verified = Caffeine.newBuilder()
                .maximumWeight(maxSize)
                .weigher((Key key, Verified value) -> value.weight())
                .ticker(ticker)
                .expireAfter(new Expiry<Key, Verified>() {
                    @Override
                    public long expireAfterCreate(Key key, Verified value, long currentTime) {
                        return TimeUnit.SECONDS.toNanos(Math.max(0, value.expiresAtSeconds() - epochSeconds.getAsLong()));
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Verified value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }

                    @Override
                    public long expireAfterRead(Key key, Verified value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /** The identity of an earlier request that carried {@code token}, for the request of {@code context}. */
    public Optional<SecurityIdentity> find(String token, RoutingContext context) {
        Verified hit = verified.getIfPresent(new Key(token));
        // the cache's expiry is checked when it is read; the token's own expiry too, to the second
        if (hit == null || hit.expiresAtSeconds() <= epochSeconds.getAsLong()) {
            return Optional.empty();
        }
        return Optional.of(QuarkusSecurityIdentity.builder(hit.identity())
                .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, context)
                .build());
    }

    /** Remembers an identity made from a verified bearer token that has an expiry. */
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        remember(identity);
        return Uni.createFrom().item(identity);
    }

    void remember(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        long expiresAt = jwt.getExpirationTime();
        if (credential == null || credential.getToken() == null || expiresAt <= epochSeconds.getAsLong()) {
            return;
        }
        verified.asMap().computeIfAbsent(new Key(credential.getToken()),
                key -> new Verified(withoutRequest(identity), expiresAt, weight(credential.getToken())));
    }

    /** The identity without the attribute that names the request which made it (held past that request otherwise). */
    private static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        Map<String, Object> attributes = identity.getAttributes().entrySet().stream()
                .filter(entry -> !HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE.equals(entry.getKey()))
                .filter(entry -> entry.getValue() != null && !(entry.getValue() instanceof RoutingContext))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addAttributes(attributes)
                .addPermissionChecker(identity::checkPermission)
                .setAnonymous(false)
                .build();
    }

    /** One per {@link #TOKEN_UNIT} characters begun: the identity's claims grow with the token. */
    static int weight(String token) {
        return Math.max(1, (token.length() + TOKEN_UNIT - 1) / TOKEN_UNIT);
    }

    /** How many tokens are remembered now (after the evictions due). */
    public long remembered() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    /** After every other augmentor: what is remembered is the identity as the request would have had it. */
    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }
}

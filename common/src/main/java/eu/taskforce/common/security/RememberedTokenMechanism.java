package eu.taskforce.common.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Asked before quarkus-oidc's mechanism: a request whose bearer token was verified before and has not expired gets the
 * identity it had then ({@link VerifiedTokens}). Any other request (no token, or one not remembered) gets none here,
 * and quarkus-oidc handles it as it would alone: verifies the token, answers the challenge. In front of quarkus-oidc
 * rather than beside its identity provider, because quarkus-oidc decodes the token's payload (a JSON parse) before it
 * asks any provider, which was a tenth of an authenticated read's CPU once the signature check was remembered.
 * <p>
 * The identity is served as it was made: the augmentors ran on it then ({@code VerifiedTokens} is the last of them) and
 * do not run again.
 */
@ApplicationScoped
public class RememberedTokenMechanism implements HttpAuthenticationMechanism {

    private static final String SCHEME = "Bearer";

    private final VerifiedTokens verifiedTokens;

    public RememberedTokenMechanism(VerifiedTokens verifiedTokens) {
        this.verifiedTokens = verifiedTokens;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        return Uni.createFrom().item(token == null ? null : verifiedTokens.find(token, context).orElse(null));
    }

    /** The token as quarkus-oidc reads it (after the first space of a header whose scheme is Bearer), or null. */
    static String bearerToken(String header) {
        int space = header == null ? -1 : header.indexOf(' ');
        return space > 0 && header.regionMatches(true, 0, SCHEME, 0, space) && space == SCHEME.length()
                ? header.substring(space + 1) : null;
    }

    /** No challenge of its own: quarkus-oidc's (401 with WWW-Authenticate: Bearer) is sent. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    /** None: a route that selects the bearer mechanism by name gets quarkus-oidc's. */
    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    /** Before quarkus-oidc's mechanism, whose priority is {@value #DEFAULT_PRIORITY} + 1 unless configured. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}

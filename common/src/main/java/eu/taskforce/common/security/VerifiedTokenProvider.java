package eu.taskforce.common.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asked before quarkus-oidc: the identity of a bearer token that it verified before and that has not expired
 * ({@link VerifiedTokens}); for any other token none, and quarkus-oidc verifies it.
 */
@ApplicationScoped
public class VerifiedTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final VerifiedTokens verifiedTokens;

    public VerifiedTokenProvider(VerifiedTokens verifiedTokens) {
        this.verifiedTokens = verifiedTokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        String token = request.getToken() == null ? null : request.getToken().getToken();
        if (routingContext == null || token == null) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(verifiedTokens.find(token, routingContext).orElse(null));
    }

    /** Before quarkus-oidc's provider (which has the default priority). */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 100;
    }
}

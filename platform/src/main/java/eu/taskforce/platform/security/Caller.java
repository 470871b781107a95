package eu.taskforce.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling, read from the verified access token: subject, roles, the organisation ({@code org} claim) a
 * member represents and the entry of the stakeholder register ({@code stakeholder} claim) a stakeholder's account is
 * linked to. A service's object-level checks use it through its {@code service/Access} bean
 * ({@link CallerAccess}), so that a member acts only for its own organisation.
 */
@RequestScoped
public class Caller {

    public static final String ORGANISATION_CLAIM = "org";
    /** Set by the AI Office in the identity provider (user attribute {@code stakeholder}): ADR 0011. */
    public static final String STAKEHOLDER_CLAIM = "stakeholder";
    public static final String USERNAME_CLAIM = "preferred_username";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** The token's subject, or "anonymous". */
    public String subject() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        String subject = token.getSubject();
        return subject != null ? subject : identity.getPrincipal().getName();
    }

    /** The account name the caller signs in with (the token's preferred_username), or null when there is none. */
    public String username() {
        if (identity.isAnonymous()) {
            return null;
        }
        Object claim = token.getClaim(USERNAME_CLAIM);
        return claim == null ? null : claim.toString().replace("\"", "");
    }

    /** True when the caller is logged in with {@code username} (account names compare without case). */
    public boolean isAccount(String username) {
        return username != null && username.equalsIgnoreCase(username());
    }

    /** The caller as the author of a change. */
    public Actor actor() {
        return new Actor(subject(), organisation().orElse(null));
    }

    public boolean isAiOffice() {
        return identity.hasRole(Roles.AI_OFFICE);
    }

    public boolean isMember() {
        return identity.hasRole(Roles.MEMBER);
    }

    public boolean isStakeholder() {
        return identity.hasRole(Roles.STAKEHOLDER);
    }

    /** The organisation a member represents, when the token names one that is a valid id. */
    public Optional<UUID> organisation() {
        return uuidClaim(ORGANISATION_CLAIM);
    }

    /** The stakeholder of the register the account is linked to, when the token names one that is a valid id. */
    public Optional<UUID> stakeholder() {
        return uuidClaim(STAKEHOLDER_CLAIM);
    }

    private Optional<UUID> uuidClaim(String name) {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Object claim = token.getClaim(name);
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package eu.taskforce.platform.security;

/** The realm roles of the Taskforce (Keycloak realm {@code taskforce}). */
public final class Roles {
    /** The AI Office: chair and secretariat of the Taskforce. */
    public static final String AI_OFFICE = "ai-office";
    /** A representative of a member organisation; the token's {@code org} claim names the organisation. */
    public static final String MEMBER = "member";
    /** An invited expert or third-party stakeholder. */
    public static final String STAKEHOLDER = "stakeholder";
    /** Another Taskforce service, with a client-credentials token of the confidential client {@code taskforce-services}. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}

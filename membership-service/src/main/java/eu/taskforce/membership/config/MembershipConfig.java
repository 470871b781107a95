package eu.taskforce.membership.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "taskforce.membership")
public interface MembershipConfig {

    /**
     * Whether to load the demo memberships (most signatories as Taskforce members since the constituent meeting).
     * For the local stack only: the real list of members is not public in machine-readable form.
     */
    @WithDefault("false")
    boolean demoData();

    /** The version of the privacy notice that people consent to now; a consent names the version it was given to. */
    @WithDefault("2026-12-01")
    String privacyNoticeVersion();

    /** Where the privacy notice of that version is published. */
    @WithDefault("https://digital-strategy.ec.europa.eu/en/policies/ai-code-practice")
    String privacyNoticeUrl();
}

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
}

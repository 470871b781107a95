package eu.taskforce.contracts.membership;

import java.util.UUID;

/** A stakeholder or invited expert was removed from the Taskforce's list. */
public record StakeholderRemoved(UUID stakeholderId) {
}

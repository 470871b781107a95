package eu.taskforce.platform.personaldata;

/**
 * A column of a service's own table that records who did something by token subject (filed, approved, submitted...):
 * an erasure replaces the account's subjects there by {@link PersonalData#PSEUDONYM}. Both names are the service's own
 * constants, never input.
 */
public record SubjectColumn(String table, String column) {
}

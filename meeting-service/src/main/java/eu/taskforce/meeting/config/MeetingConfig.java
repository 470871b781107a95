package eu.taskforce.meeting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalDate;

@ConfigMapping(prefix = "taskforce.meetings")
public interface MeetingConfig {

    /**
     * The day of the Taskforce's constituent meeting (30 January 2026, held before this service existed): the cadence
     * counts from it until a plenary is recorded here as held.
     */
    @WithDefault("2026-01-30")
    LocalDate constitutedOn();

    /** The cadence check warns when the yearly deadline is this close and no plenary is scheduled before it. */
    @WithDefault("60d")
    Duration cadenceWarningWindow();

    /** A meeting's public summary is due this long after the meeting ended; later it is flagged overdue. */
    @WithDefault("30d")
    Duration summaryDue();

    /** How often the cadence and the overdue summaries are checked. */
    @WithDefault("1h")
    Duration checkInterval();

    /**
     * The quorum of a decision whose opening names none: the share of current member organisations, in percent, that
     * must take part (YES, NO or ABSTAIN) for it to have a result.
     */
    @WithDefault("50")
    int decisionDefaultQuorum();

    /** How often decisions whose closing time has passed are closed. */
    @WithDefault("5s")
    Duration decisionCloseInterval();

    /**
     * Members must have a meeting's papers this many days before it starts (counted in UTC days from its start): a
     * paper circulated later is flagged late.
     */
    @WithDefault("5")
    int papersDueDays();

    /** The largest document a paper may have, in bytes (the gateway's body limit of the meetings route is 5 MiB). */
    @WithDefault("5242880")
    long paperMaxBytes();

    /**
     * How long an upload of a paper's document may take (it holds a database connection meanwhile): the gateway's
     * timeout of the meetings route.
     */
    @WithDefault("10s")
    Duration paperUploadTimeout();

    /**
     * The timeout, in seconds, of the transaction that stores a paper's document (set in application.properties, where
     * the service's transactional method reads it): above the upload timeout plus quarkus.http.read-timeout.
     */
    int paperTransactionTimeout();
}

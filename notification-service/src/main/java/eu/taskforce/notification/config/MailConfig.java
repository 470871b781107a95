package eu.taskforce.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** The e-mail part's settings ({@code taskforce.mail.*}; module README, "E-mail"). */
@ConfigMapping(prefix = "taskforce.mail")
public interface MailConfig {

    /** The address the e-mails come from. */
    @WithDefault("Signatory Taskforce <no-reply@signatory-taskforce.eu>")
    String from();

    /**
     * The public base URL of the API as people reach it (the gateway): the unsubscribe links start with it.
     */
    @WithDefault("http://127.0.0.1:8080")
    String publicUrl();

    /**
     * The key of the unsubscribe tokens' HMAC-SHA256 (at least 32 characters), the same on every instance. Never
     * logged.
     */
    String unsubscribeKey();

    /** The time zone of the digest hour and day. */
    @WithDefault("Europe/Brussels")
    ZoneId zone();

    /** The hour (0-23, in {@link #zone()}) at which the daily and weekly digests are assembled. */
    @WithDefault("7")
    int digestHour();

    /** The day of the weekly digest. */
    @WithDefault("MONDAY")
    DayOfWeek weeklyDay();

    /**
     * For a demonstration or a test stack only: a "day" of this length (a week of seven), in fixed windows from the
     * epoch, in place of the digest hour and day, so that a digest comes within seconds ({@code ./taskforce test}
     * sets PT20S). Unset in production.
     */
    Optional<Duration> digestEvery();

    /** How long before a vote or an input window closes the "closing soon" e-mail goes. */
    @WithDefault("P1D")
    Duration closingSoonBefore();

    /** How often the dispatcher sends the notices waiting ({@code off} stops it: the tests run it themselves). */
    @WithDefault("5s")
    String dispatchInterval();

    /** How long after the start the dispatcher and the digests first run. */
    @WithDefault("5s")
    String dispatchDelay();

    /** How often the digests look whether a period began ({@code off} stops them). */
    @WithDefault("1m")
    String digestCheckInterval();

    /** The most notices one dispatcher run handles (the rest wait for the next run). */
    @WithDefault("50")
    int batchSize();
}

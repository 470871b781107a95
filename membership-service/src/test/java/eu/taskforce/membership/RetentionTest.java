package eu.taskforce.membership;

import eu.taskforce.platform.retention.Retention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static eu.taskforce.membership.TestSupport.API;
import static eu.taskforce.membership.TestSupport.SIGNATORIES;
import static eu.taskforce.membership.TestSupport.appoint;
import static eu.taskforce.membership.TestSupport.freshMember;
import static eu.taskforce.membership.TestSupport.office;
import static eu.taskforce.membership.TestSupport.registerStakeholder;
import static eu.taskforce.membership.TestSupport.representative;
import static eu.taskforce.membership.TestSupport.stakeholder;
import static eu.taskforce.membership.TestSupport.unique;
import static eu.taskforce.platform.testing.Purges.MARGIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A removed representative keeps its e-mail and account name, a removed stakeholder its contact, for a year after the
 * removal and not a day longer; the name stays (the history), and nobody still appointed is touched.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    EntityManager entityManager;

    @Test
    void theServiceRunsItsOwnRulesBesideThePlatforms() {
        assertThat(retention.rules()).contains("removed-representative-contact", "removed-stakeholder-contact",
                "idempotency-key", "outbox-published", "audit-subject");
        assertThat(retention.period("removed-representative-contact")).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void aRemovedRepresentativesAndStakeholdersContactIsClearedAYearAfterTheRemoval() {
        UUID organisation = freshMember();
        String path = SIGNATORIES + "/" + organisation + "/representatives/";
        String tag = "ret-" + UUID.randomUUID().toString().substring(0, 8);
        UUID old = appoint(organisation, representative("Old Person", tag + "-old@example.org", "ALTERNATE", tag + "-1"));
        UUID young = appoint(organisation, representative("Young Person", tag + "-young@example.org", "ALTERNATE",
                tag + "-2"));
        UUID current = appoint(organisation, representative("Current Person", tag + "-cur@example.org", "ALTERNATE",
                tag + "-3"));
        office().delete(path + old).then().statusCode(204);
        office().delete(path + young).then().statusCode(204);
        UUID oldStakeholder = registerStakeholder(stakeholder(unique("Old Institute"), tag + "-s@example.org", false));
        office().delete(API + "/stakeholders/" + oldStakeholder).then().statusCode(204);
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(retention.period("removed-representative-contact"));
        removedAt("representative", old, cutoff.minus(MARGIN));
        removedAt("representative", young, cutoff.plus(MARGIN));
        removedAt("stakeholder", oldStakeholder, cutoff.minus(MARGIN));

        retention.purgeNow();

        assertThat(row("select name, email, username from representative where id = :id", old))
                .containsExactly("Old Person", null, null);
        assertThat(row("select name, email, username from representative where id = :id", young))
                .containsExactly("Young Person", tag + "-young@example.org", tag + "-2");
        assertThat(row("select name, email, username from representative where id = :id", current))
                .containsExactly("Current Person", tag + "-cur@example.org", tag + "-3");
        assertThat(row("select contact_email from stakeholder where id = :id", oldStakeholder)).containsExactly(
                (Object) null);
    }

    private void removedAt(String table, UUID id, OffsetDateTime at) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update " + table + " set removed_at = :at where id = :id")
                .setParameter("at", at).setParameter("id", id).executeUpdate());
    }

    private List<Object> row(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object result = entityManager.createNativeQuery(sql).setParameter("id", id).getSingleResult();
            return result instanceof Object[] columns ? Arrays.asList(columns) : java.util.Collections.singletonList(result);
        });
    }
}

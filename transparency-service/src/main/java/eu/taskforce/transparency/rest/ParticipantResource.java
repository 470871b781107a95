package eu.taskforce.transparency.rest;

import eu.taskforce.platform.api.Cursor;
import eu.taskforce.transparency.domain.Representative;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.problem.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.UUID;

@Path("/api/v1/public/participants")
@Tag(name = "Participants", description = "Who takes part in the Signatory Taskforce. Public, no token needed.")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ParticipantResource {

    private final EntityManager entityManager;

    public ParticipantResource(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Schema(name = "Participant", description = "A current Member of the Taskforce")
    public record Participant(
            @Schema(description = "The organisation's id (its signatory id)") UUID organisationId,
            @Schema(examples = "Mistral AI") String name,
            @Schema(examples = "FR") String country,
            String website,
            @Schema(description = "The chapters of the Code it signed") List<String> chapters,
            @Schema(description = "The first day of its current membership") LocalDate memberSince,
            @Schema(description = "Its representatives who consented to the publication of their name")
            List<PublicRepresentative> representatives) {
    }

    @Schema(name = "PublicRepresentative", description = "A representative who consented to the publication of their name")
    public record PublicRepresentative(@Schema(examples = "Jeanne Martin") String name,
                                       @Schema(description = "PRINCIPAL or ALTERNATE") String role) {
    }

    @GET
    @Operation(summary = "Current Members of the Taskforce, by name")
    @APIResponse(responseCode = "200", description = "One page of participants; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response participants(
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            UriInfo uri) {
        String after = "";
        String afterId = "00000000-0000-0000-0000-000000000000";
        if (cursor != null) {
            List<String> key = Cursor.decode(cursor, 2);
            after = key.get(0);
            afterId = key.get(1);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select o.id, o.name, o.country, o.website, o.chapters, p.joined_on, lower(o.name)
                        from organisation o join membership_period p on p.organisation_id = o.id and p.left_on is null
                        where (lower(o.name), o.id::text) > (:after, :afterId)
                        order by lower(o.name), o.id::text
                        limit :limit""")
                .setParameter("after", after)
                .setParameter("afterId", afterId)
                .setParameter("limit", limit + 1)
                .getResultList();
        Map<UUID, List<PublicRepresentative>> representatives = namedRepresentatives(
                rows.stream().map(row -> (UUID) row[0]).toList());
        return Page.of(rows, limit, row -> participant(row, representatives),
                        row -> Cursor.encode((String) row[6], row[0].toString()))
                .toResponse(uri);
    }

    /** The representatives with a public name (given with consent) of the given organisations, principal first. */
    private Map<UUID, List<PublicRepresentative>> namedRepresentatives(List<UUID> organisations) {
        if (organisations.isEmpty()) {
            return Map.of();
        }
        return Representative.<Representative>list("organisationId in ?1 and publicName is not null "
                        + "order by role desc, publicName", organisations).stream()
                .collect(Collectors.groupingBy(r -> r.organisationId, Collectors.mapping(
                        r -> new PublicRepresentative(r.publicName, r.role), Collectors.toList())));
    }

    private static Participant participant(Object[] row, Map<UUID, List<PublicRepresentative>> representatives) {
        String chapters = (String) row[4];
        return new Participant((UUID) row[0], (String) row[1], row[2] == null ? null : row[2].toString(),
                (String) row[3], chapters.isEmpty() ? List.of() : Arrays.asList(chapters.split(",")),
                row[5] instanceof Date d ? d.toLocalDate() : (LocalDate) row[5],
                representatives.getOrDefault((UUID) row[0], List.of()));
    }
}

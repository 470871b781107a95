package eu.taskforce.membership.rest;

import eu.taskforce.contracts.membership.Opening;
import eu.taskforce.membership.domain.Consent;
import eu.taskforce.membership.domain.Disclosure;
import eu.taskforce.membership.domain.Representative;
import eu.taskforce.membership.rest.RepresentativeDtos.ConsentView;
import eu.taskforce.membership.rest.RepresentativeDtos.RepresentativeView;
import eu.taskforce.membership.service.RepresentativeService;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Caller;
import eu.taskforce.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A person's rights over the personal data this service holds (Regulation (EU) 2018/1725): access to it, and its
 * erasure; and the openings of published values, which the register resolves while they are published.
 */
@Path("/api/v1/membership")
@Tag(name = "Personal data", description = "Access to and erasure of one's personal data; openings of published values")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class PersonalDataResource {

    static final String COMMITMENT = "sha256:[0-9a-f]{64}";
    static final String USERNAME = "[A-Za-z0-9._@-]+";

    @Schema(name = "Disclosure", description = "A value published with consent: its commitment and, while it is "
            + "published, its value")
    public record DisclosureView(String commitment, @Schema(examples = "publicName") String field,
                                 @Schema(description = "The value while it is published; null once withdrawn")
                                 String value, OffsetDateTime disclosedAt, OffsetDateTime withdrawnAt,
                                 @Schema(description = "CONSENT_WITHDRAWN, RECTIFIED or ERASED") String withdrawnReason) {

        static DisclosureView of(Disclosure d) {
            return new DisclosureView(d.commitment, d.field, d.value, d.disclosedAt, d.withdrawnAt, d.withdrawnReason);
        }
    }

    @Schema(name = "RepresentativePersonalData", description = "One appointment of the account, with its consents, "
            + "published values and audit trail")
    public record AppointmentData(RepresentativeView representative, OffsetDateTime removedAt,
                                  List<ConsentView> consents, List<DisclosureView> disclosures,
                                  List<AuditTrail.Entry> audit) {
    }

    @Schema(name = "MembershipPersonalData", description = "What membership-service holds about the caller's account")
    public record PersonalDataExport(@Schema(description = "The account (token preferred_username)") String account,
                                     @Schema(description = "The token subject") String subject,
                                     @Schema(description = "Every appointment as a representative, current or past "
                                             + "(at most 100)") List<AppointmentData> representatives) {
    }

    @Schema(name = "ErasureRequest", description = "The account whose personal data to erase")
    public record ErasureRequest(@NotBlank @Size(max = 100) @Pattern(regexp = USERNAME,
            message = "may hold letters, digits and . _ @ - only") String username) {
    }

    private final RepresentativeService representatives;
    private final AuditTrail audit;
    private final Caller caller;

    public PersonalDataResource(RepresentativeService representatives, AuditTrail audit, Caller caller) {
        this.representatives = representatives;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Path("me/personal-data")
    @Authenticated
    @Transactional
    @Operation(summary = "Everything this service holds about me",
            description = "The caller's own appointments as a representative (matched on the account they log in "
                    + "with), with contact details, consents, published values and the audit trail of each. The "
                    + "gateway's GET /api/v1/me/personal-data gathers this with the other services' parts.")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(schema = @Schema(implementation = PersonalDataExport.class)))
    public PersonalDataExport export() {
        String account = account();
        List<AppointmentData> appointments = Representative.ofAccount(account).stream().limit(100)
                .map(r -> new AppointmentData(RepresentativeView.of(r), r.removedAt,
                        Consent.history(r.id).stream().map(ConsentView::of).toList(),
                        Disclosure.allOf(r.id).stream().map(DisclosureView::of).toList(),
                        audit.page(r.id, null, 100).items()))
                .toList();
        return new PersonalDataExport(account, caller.subject(), appointments);
    }

    @DELETE
    @Path("me/personal-data")
    @Authenticated
    @Operation(summary = "Erase my personal data",
            description = "Erases every appointment of the caller's account (name, e-mail, account name, published "
                    + "values; a current appointment ends). Erasing again changes nothing. The gateway's DELETE "
                    + "/api/v1/me/personal-data does this in every service.")
    @APIResponse(responseCode = "204", description = "Erased")
    public void eraseMine() {
        representatives.eraseAccount(account());
    }

    @POST
    @Path("personal-data/erasures")
    @RolesAllowed(Roles.AI_OFFICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase the personal data of an account, on the person's request (AI Office)",
            description = "Erases every appointment, current or past, of the account. Erasing again changes nothing.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not the AI Office")
    public void erase(@Valid @NotNull ErasureRequest body) {
        representatives.eraseAccount(body.username());
    }

    @GET
    @Path("disclosures/{commitment}")
    @RolesAllowed({Roles.SERVICE, Roles.AI_OFFICE})
    @Operation(summary = "The opening of a published value (services)",
            description = "For the register, which resolves the commitments that events carry: the value and its salt "
                    + "while the value is published; 404 once consent is withdrawn, the value rectified or the person "
                    + "erased.")
    @APIResponse(responseCode = "200", description = "The opening",
            content = @Content(schema = @Schema(implementation = Opening.class)))
    @APIResponse(responseCode = "400", description = "Not a commitment")
    @APIResponse(responseCode = "403", description = "Neither a Taskforce service nor the AI Office")
    @APIResponse(responseCode = "404", description = "Not published (never, or no longer)")
    @Transactional
    public Opening opening(@PathParam("commitment") @Pattern(regexp = COMMITMENT,
            message = "must be sha256: and 64 lower-case hex digits") String commitment) {
        return Disclosure.openingOf(commitment)
                .orElseThrow(() -> ProblemException.notFound("Disclosure", commitment));
    }

    private String account() {
        return caller.username().orElseThrow(() -> ProblemException.badRequest(
                "The token names no account (preferred_username); personal data is found by account"));
    }
}

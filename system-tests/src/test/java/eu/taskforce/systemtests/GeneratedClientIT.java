package eu.taskforce.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import eu.taskforce.client.ApiClient;
import eu.taskforce.client.ApiException;
import eu.taskforce.client.ApiResponse;
import eu.taskforce.client.api.ParticipantsApi;
import eu.taskforce.client.api.SignatoriesApi;
import eu.taskforce.client.model.Chapter;
import eu.taskforce.client.model.NewSignatory;
import eu.taskforce.client.model.PageSignatoryView;
import eu.taskforce.client.model.Problem;
import eu.taskforce.client.model.Signatory;
import eu.taskforce.client.model.SignatoryChange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static eu.taskforce.systemtests.Stack.GATEWAY;
import static eu.taskforce.systemtests.Stack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The suite driven as an integrator drives it: through the Java client that module client-java generates from the
 * merged OpenAPI document (OpenAPI Generator, library native, no hand edits), over HTTP/2 (the JDK client's
 * default, upgraded from HTTP/1.1 on the first request) and HTTP/1.1. The Location and Link headers that the
 * services build must name the gateway with its port over both.
 */
class GeneratedClientIT {

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void listCreateReadBackAndAProblemThroughTheGeneratedClient(HttpClient.Version version) throws Exception {
        List<HttpClient.Version> versions = new ArrayList<>();
        ApiClient client = client(version, token("office"), versions);
        SignatoriesApi signatories = new SignatoriesApi(client);

        // the public register first, without a token: on HTTP/2 this upgrades the connection that the rest reuses
        readThePublicRegister(new ParticipantsApi(client(version, null, versions)));

        // a list with a cursor: the next page's Link names the gateway as the client called it
        ApiResponse<PageSignatoryView> first = signatories.listSignatoriesWithHttpInfo(
                null, null, null, 2, null, null, null, null, null);
        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(first.getData().getItems()).hasSize(2);
        String cursor = first.getData().getNextCursor();
        assertThat(cursor).isNotBlank();
        assertThat(header(first, "link")).startsWith("<" + GATEWAY + "/api/v1/membership/signatories?")
                .contains("cursor=").endsWith(">; rel=\"next\"");
        PageSignatoryView second = signatories.listSignatories(null, null, cursor, 2, null, null, null, null, null);
        assertThat(second.getItems()).hasSize(2);
        assertThat(second.getItems()).extracting(Signatory::getId)
                .doesNotContainAnyElementsOf(first.getData().getItems().stream().map(Signatory::getId).toList());

        // create: 201 with the typed answer and a Location on the gateway, port included
        String name = "Generated Client AI " + UUID.randomUUID();
        ApiResponse<Signatory> created = signatories.registerSignatoryWithHttpInfo(new NewSignatory()
                .name(name).country("BE").chapters(Set.of(Chapter.TRANSPARENCY)).signedOn(LocalDate.of(2025, 8, 1)),
                UUID.randomUUID().toString());
        assertThat(created.getStatusCode()).isEqualTo(201);
        Signatory signatory = created.getData();
        assertThat(signatory.getName()).isEqualTo(name);
        assertThat(signatory.getWithdrawnOn()).isNull();
        assertThat(header(created, "location")).isEqualTo(GATEWAY + "/api/v1/membership/signatories/" + signatory.getId());

        // read back with its ETag, and change it with that ETag as If-Match
        ApiResponse<Signatory> read = signatories.getSignatoryWithHttpInfo(signatory.getId());
        assertThat(read.getData().getName()).isEqualTo(name);
        assertThat(read.getData().getCountry()).isEqualTo("BE");
        assertThat(read.getData().getChapters()).containsExactly(Chapter.TRANSPARENCY);
        String etag = header(read, "etag");
        assertThat(etag).matches("\"[^\"]+\"");
        SignatoryChange change = new SignatoryChange().name(name).country("NL").chapters(Set.of(Chapter.TRANSPARENCY));
        ApiResponse<Signatory> changed = signatories.updateSignatoryWithHttpInfo(signatory.getId(), change, etag);
        assertThat(changed.getData().getCountry()).isEqualTo("NL");
        assertThat(header(changed, "etag")).isNotEqualTo(etag);

        // the stale ETag again: 412, whose problem+json body reads into the generated Problem type
        ApiException stale = catchThrowableOfType(ApiException.class,
                () -> signatories.updateSignatory(signatory.getId(), change, etag));
        assertThat(stale.getCode()).isEqualTo(412);
        Problem problem = client.getObjectMapper().readValue(stale.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(412);
        assertThat(problem.getType()).isEqualTo("urn:taskforce:problem:precondition-failed");
        assertThat(problem.getInstance()).isEqualTo("/api/v1/membership/signatories/" + signatory.getId());

        // a field violation: 400 with the field named in the Problem's errors
        ApiException invalid = catchThrowableOfType(ApiException.class,
                () -> signatories.listSignatories(null, "Belgium", null, 2, null, null, null, null, null));
        assertThat(invalid.getCode()).isEqualTo(400);
        Problem violation = client.getObjectMapper().readValue(invalid.getResponseBody(), Problem.class);
        assertThat(violation.getType()).isEqualTo("urn:taskforce:problem:validation");
        assertThat(violation.getErrors()).extracting(error -> error.getField()).containsExactly("country");

        // every answer came over the protocol asked for (HTTP/2 after the JDK's h2c upgrade)
        assertThat(versions).isNotEmpty().containsOnly(version);
    }

    /** The public register's first page through the generated client, whose items may carry nulls. */
    private static void readThePublicRegister(ParticipantsApi participants) throws ApiException {
        var page = participants.listPublicSignatories(null, 5, null);
        assertThat(page.getItems()).hasSizeBetween(1, 5);
    }

    private static ApiClient client(HttpClient.Version version, String token, List<HttpClient.Version> versions) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(GATEWAY);
        client.setHttpClientBuilder(HttpClient.newBuilder().version(version));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        client.setResponseInterceptor(response -> versions.add(response.version()));
        return client;
    }

    private static String header(ApiResponse<?> response, String name) {
        List<String> values = response.getHeaders().get(name);
        assertThat(values).as(name).isNotNull().hasSize(1);
        return values.get(0);
    }
}

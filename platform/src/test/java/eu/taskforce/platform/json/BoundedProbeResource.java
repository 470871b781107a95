package eu.taskforce.platform.json;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** Test-only: an endpoint whose body has bounded lists, a map and strings, as the services' request DTOs have. */
@Path("/platform-test/bounded")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BoundedProbeResource {

    public record Input(@Size(max = 300) String title,
                        @Size(max = 60) List<@NotNull @Pattern(regexp = "^[A-Z]+-[0-9]+$") String> codes,
                        @Size(max = 5) List<@NotNull @Valid Section> sections,
                        @Size(max = 3) Map<String, Integer> counts,
                        @Size(max = 4) String[] tags) {
    }

    public record Section(@Size(max = 10) String key, @Size(max = 2) List<String> notes) {
    }

    @POST
    public int accept(@Valid Input input) {
        return input.codes() == null ? 0 : input.codes().size();
    }
}

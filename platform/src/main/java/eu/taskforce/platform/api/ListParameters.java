package eu.taskforce.platform.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of a page of a list: {@code limit} and {@code cursor}. A resource takes them as
 * {@code @Valid @BeanParam ListParameters page}, so every list has the same names, bounds, default and OpenAPI
 * descriptions; a bound passed is a 400 problem naming the parameter.
 */
public class ListParameters {

    @Parameter(description = "Page size, 1 to 500")
    @QueryParam("limit")
    @DefaultValue("50") // Page.DEFAULT_LIMIT: an annotation value must be a String constant
    @Min(1)
    @Max(Page.MAX_LIMIT)
    private int limit;

    @Parameter(description = "The nextCursor of the previous page")
    @QueryParam("cursor")
    private String cursor;

    public int limit() {
        return limit;
    }

    /** The cursor the client sent, or null for the first page. */
    public String cursor() {
        return cursor;
    }
}

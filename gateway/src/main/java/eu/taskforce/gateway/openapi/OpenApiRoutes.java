package eu.taskforce.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.taskforce.gateway.config.GatewayConfig;
import eu.taskforce.gateway.personaldata.PersonalDataOpenApi;
import eu.taskforce.common.problem.ProblemJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The merged OpenAPI document at /q/openapi (and /api/v1/openapi.json), and Swagger UI on it at /q/swagger-ui,
 * served from the swagger-ui webjar.
 */
@ApplicationScoped
public class OpenApiRoutes {

    private static final Logger LOG = Logger.getLogger(OpenApiRoutes.class);
    private static final String UI = "/q/swagger-ui";
    /** The webjar's files that the page uses; nothing else is served from it. */
    private static final Map<String, String> UI_FILES = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "index.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "oauth2-redirect.html", "text/html; charset=utf-8",
            "oauth2-redirect.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");

    private final OpenApiDocuments documents;
    private final OpenApiMerger merger;
    private final GatewayConfig config;
    private final PersonalDataOpenApi personalData;
    private final Map<String, Buffer> files = new HashMap<>();

    public OpenApiRoutes(OpenApiDocuments documents, ObjectMapper mapper, GatewayConfig config,
                         PersonalDataOpenApi personalData) {
        this.documents = documents;
        this.personalData = personalData;
        this.merger = new OpenApiMerger(mapper);
        this.config = config;
        // read once at start (about 1.5 MB), never on an event loop
        String webjar = "META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
        UI_FILES.keySet().forEach(file -> files.put(file, read(webjar + file)));
    }

    void register(@Observes Router router) {
        router.get("/q/openapi").handler(this::document);
        router.get("/api/v1/openapi.json").handler(this::document);
        // Vert.x matches /q/swagger-ui and /q/swagger-ui/ alike; the page's relative links need the slash
        router.get(UI).handler(context -> {
            if (context.request().path().endsWith("/")) {
                context.response().putHeader("Content-Type", "text/html; charset=utf-8").end(page());
            } else {
                context.redirect(UI + "/");
            }
        });
        router.get(UI + "/initializer.js").handler(context -> context.response()
                .putHeader("Content-Type", "text/javascript; charset=utf-8").end(initializer()));
        router.get(UI + "/:file").handler(this::uiFile);
    }

    private void document(RoutingContext context) {
        String server = context.request().scheme() + "://" + context.request().authority();
        documents.sources().onComplete(sources -> {
            if (sources.failed()) {
                LOG.error("Merging the OpenAPI documents failed", sources.cause());
                ProblemJson.send(context, 500, "internal", "Internal server error",
                        "The OpenAPI document could not be merged; the failure is logged");
                return;
            }
            ObjectNode merged = merger.merge(sources.result(), config.openapi().title(), server);
            // the gateway's own operations, beside the services'
            personalData.addTo(merged);
            Buffer body = Buffer.buffer(merged.toString());
            context.response().putHeader("Content-Type", "application/json").end(body);
        });
    }

    private void uiFile(RoutingContext context) {
        String file = context.pathParam("file");
        String type = UI_FILES.get(file);
        if (type == null) {
            context.next();
            return;
        }
        context.response().putHeader("Content-Type", type)
                .putHeader("Cache-Control", "public, max-age=86400")
                .end(files.get(file).copy());
    }

    private static String page() {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>Signatory Taskforce API</title>
                  <link rel="stylesheet" href="swagger-ui.css">
                  <link rel="stylesheet" href="index.css">
                  <link rel="icon" type="image/png" href="favicon-32x32.png" sizes="32x32">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="swagger-ui-bundle.js"></script>
                  <script src="swagger-ui-standalone-preset.js"></script>
                  <script src="initializer.js"></script>
                </body>
                </html>
                """;
    }

    private static String initializer() {
        // sign-in with the public portal client (authorization code + PKCE), as a third-party frontend would
        return """
                window.onload = function () {
                  const base = window.location.pathname.replace(/\\/[^/]*$/, '/');
                  window.ui = SwaggerUIBundle({
                    url: '/q/openapi',
                    dom_id: '#swagger-ui',
                    deepLinking: true,
                    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                    layout: 'StandaloneLayout',
                    oauth2RedirectUrl: window.location.origin + base + 'oauth2-redirect.html'
                  });
                  window.ui.initOAuth({ clientId: 'taskforce-portal', usePkceWithAuthorizationCodeGrant: true });
                };
                """;
    }

    private static Buffer read(String resource) {
        try (InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webjarVersion() {
        String pom = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
        try (InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(pom)) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

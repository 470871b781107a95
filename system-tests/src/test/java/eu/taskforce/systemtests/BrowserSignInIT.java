package eu.taskforce.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static eu.taskforce.systemtests.Stack.GATEWAY;
import static eu.taskforce.systemtests.Stack.KEYCLOAK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser frontend on an allowed origin signs in as a person would (authorization code + PKCE at Keycloak, the
 * login form filled in) and calls the API through the gateway; a page on another origin gets no CORS grant, neither
 * from Keycloak's token endpoint nor from the gateway. Debian's headless Chromium, driven by its chromedriver
 * through Selenium, runs small static pages (src/test/resources/frontend) that this test serves on both origins.
 */
class BrowserSignInIT {

    /** An origin of TASKFORCE_CORS_ORIGINS (the stack's default holds it). */
    static final URI ALLOWED = URI.create(System.getProperty("taskforce.frontend.origin", "http://127.0.0.1:3000"));
    /** An origin that TASKFORCE_CORS_ORIGINS does not hold. */
    static final URI REFUSED = URI.create(System.getProperty("taskforce.refused.origin", "http://127.0.0.1:3001"));
    static final String CHROMIUM = System.getProperty("taskforce.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("taskforce.chromedriver", "/usr/bin/chromedriver");
    static final String OIDC = KEYCLOAK + "/realms/taskforce/protocol/openid-connect";

    static HttpServer allowedSite;
    static HttpServer refusedSite;
    WebDriver browser;

    @BeforeAll
    static void serveTheFrontend() throws IOException {
        // the probe page gets a real token (password grant of the demo), so that only the origin differs
        String config = "window.TASKFORCE = " + new ObjectMapper().writeValueAsString(Map.of("keycloak", KEYCLOAK, "gateway", GATEWAY,
                "accessToken", Stack.token("office"))) + ";";
        allowedSite = serve(ALLOWED, config);
        refusedSite = serve(REFUSED, config);
    }

    @AfterAll
    static void stopServing() {
        allowedSite.stop(0);
        refusedSite.stop(0);
    }

    @BeforeEach
    void startBrowser() {
        assertThat(new File(CHROMIUM).canExecute()).as("Debian's chromium (apt-get install chromium chromium-driver)").isTrue();
        assertThat(new File(CHROMEDRIVER).canExecute()).as("Debian's chromium-driver (apt-get install chromium-driver)").isTrue();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                // --no-sandbox: Chromium's sandbox cannot run as root, which CI runs as
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--no-first-run", "--window-size=1024,768");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aFrontendOnAnAllowedOriginSignsInWithCodeAndPkceAndCallsTheApi() {
        browser.get(ALLOWED + "/index.html");

        // Keycloak's login page, filled in and sent as a person does
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("member-a");
        assertThat(browser.getCurrentUrl()).startsWith(OIDC + "/auth?")
                .contains("code_challenge_method=S256").contains("client_id=taskforce-portal");
        browser.findElement(By.id("password")).sendKeys("member-a-demo");
        browser.findElement(By.id("kc-login")).click();

        JsonPath result = resultOf(browser, wait);
        assertThat(browser.getCurrentUrl()).startsWith(ALLOWED + "/index.html?");
        assertThat(result.getInt("token.status")).isEqualTo(200);
        assertThat(result.getString("token.tokenType")).isEqualTo("Bearer");
        assertThat(result.getString("token.user")).isEqualTo("member-a");
        assertThat(result.getList("token.audience", String.class)).contains("taskforce-api");
        assertThat(result.getInt("list.status")).as("%s", result.prettify()).isEqualTo(200);
        assertThat(result.getInt("list.items")).isEqualTo(2);
        assertThat(result.getString("list.link"))
                .startsWith("<" + GATEWAY + "/api/v1/membership/signatories?limit=2&cursor=").endsWith(">; rel=\"next\"");
        assertThat(result.getInt("read.status")).isEqualTo(200);
        assertThat(result.getString("read.etag")).isNotBlank();
        assertThat(result.getInt("missing.status")).isEqualTo(404);
        assertThat(result.getString("missing.contentType")).startsWith("application/problem+json");
        assertThat(result.getInt("missing.problemStatus")).isEqualTo(404);

        // the ETag the page read is the one the API gives for that signatory
        String etag = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(GATEWAY
                        + "/api/v1/membership/signatories/" + result.getString("read.id")))
                .header("Authorization", "Bearer " + Stack.token("member-a")).build(),
                HttpResponse.BodyHandlers.discarding()).join().headers().firstValue("ETag").orElseThrow();
        assertThat(result.getString("read.etag")).isEqualTo(etag);
    }

    @Test
    void onAnAllowedOriginThePageReadsTheTokenEndpointAndTheGateway() {
        browser.get(ALLOWED + "/probe.html");
        JsonPath result = resultOf(browser, new WebDriverWait(browser, Duration.ofSeconds(30)));

        assertThat(result.getInt("token.status")).isEqualTo(400);
        assertThat(result.getString("token.body.error")).isEqualTo("invalid_grant");
        assertThat(result.getInt("api.status")).as("%s", result.prettify()).isEqualTo(200);
        assertThat(result.getList("api.body.items")).hasSize(1);
    }

    @Test
    void aPageOnARefusedOriginGetsNoCorsGrantFromKeycloakOrTheGateway() {
        browser.get(REFUSED + "/probe.html");
        JsonPath result = resultOf(browser, new WebDriverWait(browser, Duration.ofSeconds(30)));

        // the browser lets the page read neither answer: fetch rejects with a TypeError
        assertThat(result.getString("token.failed")).isEqualTo("TypeError");
        assertThat(result.getString("api.failed")).isEqualTo("TypeError");
        assertThat(result.getString("token.status")).isNull();
        assertThat(result.getString("api.status")).isNull();

        // the answers themselves: a grant for the allowed origin, none for the refused one
        assertThat(tokenEndpointAllowOrigin(ALLOWED)).contains(ALLOWED.toString());
        assertThat(tokenEndpointAllowOrigin(REFUSED)).isEmpty();
        assertThat(gatewayPreflight(ALLOWED).statusCode()).isEqualTo(200);
        assertThat(gatewayPreflight(ALLOWED).headers().firstValue("Access-Control-Allow-Origin"))
                .contains(ALLOWED.toString());
        HttpResponse<Void> refused = gatewayPreflight(REFUSED);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aRefusedOriginCannotBeTheRedirectOfASignIn() {
        browser.get(REFUSED + "/index.html");

        // Keycloak stops at its own error page and never sends a code to the refused origin
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Invalid parameter: redirect_uri"));
        assertThat(browser.getCurrentUrl()).startsWith(OIDC + "/auth?");
    }

    @Test
    void theAuthorizationCodeFlowRequiresPkceWithS256() {
        String redirect = ALLOWED + "/index.html";
        String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

        assertThat(authorizationRedirect(redirect, Map.of()))
                .contains("error=invalid_request").contains("Missing+parameter%3A+code_challenge_method");
        assertThat(authorizationRedirect(redirect, Map.of("code_challenge", challenge, "code_challenge_method", "plain")))
                .contains("error=invalid_request").contains("code+challenge+method+is+not+matching");
        // with S256 Keycloak shows its login form instead of redirecting
        assertThat(authorizationStatus(redirect, Map.of("code_challenge", challenge, "code_challenge_method", "S256")))
                .isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------------------ helpers --

    private static JsonPath resultOf(WebDriver browser, WebDriverWait wait) {
        wait.until(ExpectedConditions.titleIs("done"));
        String text = browser.findElement(By.id("result")).getText();
        JsonPath result = JsonPath.from(text);
        assertThat(result.getString("failed")).as("the page failed: %s", text).isNull();
        assertThat(result.getString("error")).as("Keycloak answered with an error: %s", text).isNull();
        return result;
    }

    private static HttpServer serve(URI origin, String config) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(origin.getHost(), origin.getPort()), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            if (path.equals("/config.js")) {
                body = config.getBytes(StandardCharsets.UTF_8);
                type = "text/javascript";
            } else {
                body = resource(path).orElse(null);
                type = "text/html; charset=utf-8";
            }
            exchange.getResponseHeaders().set("Content-Type", body == null ? "text/plain" : type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    private static Optional<byte[]> resource(String path) {
        if (!path.equals("/index.html") && !path.equals("/probe.html")) {
            return Optional.empty();
        }
        try (InputStream in = BrowserSignInIT.class.getResourceAsStream("/frontend" + path)) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> tokenEndpointAllowOrigin(URI origin) {
        String form = "grant_type=authorization_code&client_id=taskforce-portal&code=no-such-code&redirect_uri="
                + encode(origin + "/index.html") + "&code_verifier=" + "v".repeat(43);
        HttpRequest request = HttpRequest.newBuilder(URI.create(OIDC + "/token")).header("Origin", origin.toString())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<Void> response = send(request);
        assertThat(response.statusCode()).isEqualTo(400);
        return response.headers().firstValue("Access-Control-Allow-Origin");
    }

    private static HttpResponse<Void> gatewayPreflight(URI origin) {
        return send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/membership/signatories?limit=1"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin.toString())
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").build());
    }

    private static String authorizationRedirect(String redirectUri, Map<String, String> pkce) {
        HttpResponse<Void> response = send(authorization(redirectUri, pkce));
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirectUri + "?");
        return location;
    }

    private static int authorizationStatus(String redirectUri, Map<String, String> pkce) {
        return send(authorization(redirectUri, pkce)).statusCode();
    }

    private static HttpRequest authorization(String redirectUri, Map<String, String> pkce) {
        StringBuilder query = new StringBuilder("client_id=taskforce-portal&response_type=code&scope=openid&state=s")
                .append("&redirect_uri=").append(encode(redirectUri));
        pkce.forEach((name, value) -> query.append('&').append(name).append('=').append(encode(value)));
        return HttpRequest.newBuilder(URI.create(OIDC + "/auth?" + query)).GET().build();
    }

    private static HttpResponse<Void> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package eu.taskforce.contracts;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} stays in step with {@code ./taskforce}, the stack the tests run: the same services on the
 * same ports, each started only once what it needs is healthy, restarted after a crash, with its data on named volumes,
 * and configured only through settings the code really reads (or Quarkus's own, QUARKUS_...). (That the file is valid Compose is checked by
 * {@code docker-compose config} in {@code ./taskforce test}; the topics by {@link AsyncApiTopicsTest}.)
 */
class ComposeTest {

    static final Path ROOT = AsyncApiTopicsTest.ROOT;

    @Test
    void everyServiceOfTheScriptRunsOnItsPortAndIsCheckedThereForReadiness() throws IOException {
        Map<String, Object> services = services();
        Map<String, Integer> scriptPorts = scriptServicePorts();
        assertThat(scriptPorts).containsKeys("membership-service", "gateway");
        scriptPorts.forEach((name, port) -> {
            Map<String, Object> service = AsyncApiTopicsTest.map(services.get(name));
            assertThat(service).as("compose service %s", name).isNotNull();
            assertThat(httpPort(name)).as("%s: quarkus.http.port", name).isEqualTo(port);
            String check = String.join(" ", list(AsyncApiTopicsTest.map(service.get("healthcheck")).get("test")));
            assertThat(check).as("%s: its readiness on its own port", name)
                    .contains("/dev/tcp/127.0.0.1/" + port).contains("/q/health/ready");
        });
        Map<String, Object> gatewayEnv = AsyncApiTopicsTest.map(AsyncApiTopicsTest.map(services.get("gateway")).get("environment"));
        scriptPorts.forEach((name, port) -> {
            if (!name.equals("gateway")) {
                String variable = "TASKFORCE_" + name.replace("-service", "").toUpperCase() + "_URL";
                assertThat(gatewayEnv.get(variable)).as("the gateway's %s", variable)
                        .isEqualTo("http://" + name + ":" + port);
            }
        });
        assertThat(list(AsyncApiTopicsTest.map(services.get("gateway")).get("ports"))).containsExactly("127.0.0.1:8080:8080");
    }

    @Test
    void aServiceStartsOnlyWhenWhatItNeedsIsReadyAndComesBackAfterACrash() throws IOException {
        Map<String, Object> services = services();
        for (String name : scriptServicePorts().keySet()) {
            Map<String, Object> service = AsyncApiTopicsTest.map(services.get(name));
            assertThat(service.get("restart")).as("%s: restart policy", name).isEqualTo("unless-stopped");
            Map<String, Object> dependsOn = AsyncApiTopicsTest.map(service.get("depends_on"));
            Set<String> needs = name.equals("gateway")
                    ? Set.of("membership-service", "meeting-service", "guidance-service", "transparency-service",
                            "notification-service")
                    : Set.of("postgres", "kafka", "keycloak");
            for (String need : needs) {
                assertThat(AsyncApiTopicsTest.map(dependsOn.get(need))).as("%s waits for %s", name, need)
                        .containsEntry("condition", "service_healthy");
            }
            if (!name.equals("gateway")) {
                assertThat(AsyncApiTopicsTest.map(dependsOn.get("kafka-topics"))).as("%s waits for the topics", name)
                        .containsEntry("condition", "service_completed_successfully");
            }
        }
        for (String server : List.of("postgres", "kafka", "keycloak")) {
            Map<String, Object> service = AsyncApiTopicsTest.map(services.get(server));
            assertThat(service).as(server).containsKey("healthcheck").containsEntry("restart", "unless-stopped");
            assertThat(list(service.get("volumes"))).as("%s keeps its data on a named volume", server)
                    .anyMatch(volume -> volume.matches("[a-z-]+-data:/.*"));
        }
    }

    @Test
    void theHostReachesKafkaAndKeycloakByTheAddressesTheScriptUses() throws IOException {
        Map<String, Object> services = services();
        Map<String, Object> kafka = AsyncApiTopicsTest.map(AsyncApiTopicsTest.map(services.get("kafka")).get("environment"));
        assertThat((String) kafka.get("KAFKA_ADVERTISED_LISTENERS")).contains("HOST://127.0.0.1:9092");
        assertThat(list(AsyncApiTopicsTest.map(services.get("kafka")).get("ports"))).containsExactly("127.0.0.1:9092:9092");
        String keycloak = (String) AsyncApiTopicsTest.map(services.get("keycloak")).get("command");
        assertThat(keycloak).contains("--hostname=http://localhost:8180").contains("--hostname-backchannel-dynamic=true");
        for (String name : scriptServicePorts().keySet()) {
            assertThat(AsyncApiTopicsTest.map(AsyncApiTopicsTest.map(services.get(name)).get("environment")))
                    .as("%s checks the issuer browsers and host tools get tokens from", name)
                    .containsEntry("QUARKUS_OIDC_TOKEN_ISSUER", "http://localhost:8180/realms/taskforce");
        }
    }

    @Test
    void everySettingGivenToAServiceIsOneTheCodeReads() throws IOException {
        Set<String> read = new TreeSet<>();
        Matcher variable = Pattern.compile("\\$\\{(TASKFORCE_[A-Z_]+)").matcher(configurationText());
        while (variable.find()) {
            read.add(variable.group(1));
        }
        Map<String, Object> services = services();
        for (String name : scriptServicePorts().keySet()) {
            Map<String, Object> environment = AsyncApiTopicsTest.map(AsyncApiTopicsTest.map(services.get(name)).get("environment"));
            for (String setting : environment.keySet()) {
                if (setting.startsWith("QUARKUS_")) {
                    continue; // Quarkus's own name of one of its settings
                }
                assertThat(read).as("%s: %s is read by a configuration file", name, setting).contains(setting);
            }
        }
    }

    private static Map<String, Object> services() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            return AsyncApiTopicsTest.map(compose.get("services"));
        }
    }

    /** The BASE_SERVICES line of ./taskforce: name:port of each service's first instance, in start order. */
    private static Map<String, Integer> scriptServicePorts() throws IOException {
        Matcher line = Pattern.compile("(?m)^BASE_SERVICES=\"([^\"]+)\"").matcher(Files.readString(ROOT.resolve("taskforce")));
        assertThat(line.find()).as("the BASE_SERVICES line of ./taskforce").isTrue();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String entry : line.group(1).split(" ")) {
            String[] nameAndPort = entry.split(":");
            ports.put(nameAndPort[0], Integer.parseInt(nameAndPort[1]));
        }
        return ports;
    }

    private static int httpPort(String module) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(module).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Integer.parseInt(properties.getProperty("quarkus.http.port"));
    }

    /** Every configuration file of the services, the gateway and the platform, as one text. */
    private static String configurationText() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(ROOT, 6)) {
            for (Path file : files.filter(f -> f.toString().endsWith("src/main/resources/application.properties")
                    || f.toString().endsWith("src/main/resources/META-INF/microprofile-config.properties")).toList()) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return value == null ? List.of() : ((List<Object>) value).stream().map(String::valueOf).toList();
    }
}

package eu.taskforce.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/kubernetes/taskforce.yaml as a cluster would take it: every object read into the fabric8 Kubernetes model
 * with nothing left over (a misspelt or misplaced field fails here, where kubectl would drop it or refuse it), then
 * what an operator relies on: each service on the port of {@code ./taskforce}, its probes on the health endpoints,
 * memory requested and limited, two instances kept through a node drain, credentials only from Secrets, one register
 * signing key for every instance, and the topics created as the script creates them.
 */
class ManifestsTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("ConfigMap", ConfigMap.class,
            "Deployment", Deployment.class, "Service", Service.class, "PodDisruptionBudget", PodDisruptionBudget.class,
            "Job", Job.class);

    @Test
    void everyObjectIsReadWithNothingLeftOver() throws Exception {
        List<HasMetadata> objects = objects();
        assertThat(objects).hasSize(21);
        for (HasMetadata object : objects) {
            List<String> unknown = new ArrayList<>();
            leftOver(object, object.getKind() + "/" + object.getMetadata().getName(), unknown);
            assertThat(unknown).as("fields the Kubernetes model does not know").isEmpty();
            assertThat(object.getMetadata().getLabels()).containsEntry("app.kubernetes.io/part-of", "taskforce");
        }
    }

    @Test
    void everyServiceRunsOnItsPortWithProbesOnItsHealthEndpointsAndBoundedMemory() throws Exception {
        Map<String, Integer> ports = scriptServicePorts();
        List<Deployment> deployments = all(Deployment.class);
        assertThat(deployments).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(ports.keySet());
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getPorts().get(0).getContainerPort()).as(name).isEqualTo(ports.get(name));
            assertThat(container.getPorts().get(0).getName()).isEqualTo("http");
            assertProbe(name, container.getStartupProbe(), "/q/health/started");
            assertProbe(name, container.getLivenessProbe(), "/q/health/live");
            assertProbe(name, container.getReadinessProbe(), "/q/health/ready");
            Quantity requested = container.getResources().getRequests().get("memory");
            Quantity limit = container.getResources().getLimits().get("memory");
            assertThat(requested).as("%s: memory requested", name).isNotNull();
            assertThat(Quantity.getAmountInBytes(limit)).as("%s: memory limit above the request", name)
                    .isGreaterThan(Quantity.getAmountInBytes(requested));
            assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(deployment.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(Map.of("app.kubernetes.io/name", name));

            Service service = named(Service.class, name);
            assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(ports.get(name));
            assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("http");
        }
    }

    @Test
    void twoInstancesAreKeptThroughANodeDrain() throws Exception {
        for (Deployment deployment : all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            assertThat(deployment.getSpec().getReplicas()).as(name).isEqualTo(2);
            assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
            PodDisruptionBudget budget = named(PodDisruptionBudget.class, name);
            assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
            assertThat(budget.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        }
    }

    @Test
    void theGatewaysFindEachOtherToShareTheirRateLimits() throws Exception {
        Deployment gateway = named(Deployment.class, "gateway");
        Container container = gateway.getSpec().getTemplate().getSpec().getContainers().get(0);
        Service cluster = named(Service.class, "gateway-cluster");
        assertThat(cluster.getSpec().getClusterIP()).as("headless: its DNS name gives every gateway").isEqualTo("None");
        assertThat(cluster.getSpec().getPublishNotReadyAddresses()).as("a starting gateway joins first").isTrue();
        assertThat(cluster.getSpec().getSelector()).isEqualTo(gateway.getSpec().getSelector().getMatchLabels());
        String clusterPort = cluster.getSpec().getPorts().get(0).getTargetPort().getStrVal();
        assertThat(container.getPorts()).anyMatch(port -> port.getName().equals(clusterPort)
                && port.getContainerPort() == 5701);
        assertThat(container.getEnv()).anyMatch(env -> env.getName().equals("TASKFORCE_GATEWAY_CLUSTER_SERVICE_DNS")
                && env.getValue().equals(cluster.getMetadata().getName()));
        assertThat(container.getEnv()).anyMatch(env -> env.getName().equals("TASKFORCE_GATEWAY_CLUSTER_HOST")
                && env.getValueFrom().getFieldRef().getFieldPath().equals("status.podIP"));
    }

    @Test
    void credentialsComeOnlyFromSecretsAndEveryInstanceSignsWithOneKey() throws Exception {
        ConfigMap config = named(ConfigMap.class, "taskforce-config");
        assertThat(config.getData().keySet()).noneMatch(key -> key.contains("PASSWORD") || key.contains("SECRET"));
        for (Deployment deployment : all(Deployment.class)) {
            for (EnvVar variable : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                if (variable.getName().contains("PASSWORD") || variable.getName().contains("SECRET")
                        || variable.getName().equals("TASKFORCE_DB_USER")) {
                    assertThat(variable.getValue()).as("%s of %s", variable.getName(), deployment.getMetadata().getName())
                            .isNull();
                    assertThat(variable.getValueFrom().getSecretKeyRef().getName()).startsWith("taskforce-");
                }
            }
        }
        var transparency = named(Deployment.class, "transparency-service").getSpec().getTemplate().getSpec();
        String keyFile = transparency.getContainers().get(0).getEnv().stream()
                .filter(v -> v.getName().equals("TASKFORCE_REGISTER_SIGNING_KEY_FILE")).findFirst().orElseThrow().getValue();
        var mount = transparency.getContainers().get(0).getVolumeMounts().get(0);
        assertThat(keyFile).startsWith(mount.getMountPath() + "/");
        // without that file the service refuses to start: it never makes a key of its own here
        assertThat(transparency.getContainers().get(0).getEnv())
                .noneMatch(v -> v.getName().equals("TASKFORCE_REGISTER_GENERATE_SIGNING_KEY"));
        assertThat(config.getData()).doesNotContainKey("TASKFORCE_REGISTER_GENERATE_SIGNING_KEY");
        assertThat(mount.getReadOnly()).isTrue();
        var volume = transparency.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                .orElseThrow();
        assertThat(volume.getSecret().getSecretName()).isEqualTo("taskforce-register-signing-key");
    }

    @Test
    void theTopicsAreCreatedAsTheScriptCreatesThem() throws Exception {
        String script = Files.readString(ROOT.resolve("taskforce"));
        Matcher topics = Pattern.compile("(?m)^TOPICS=\"([^\"]+)\"").matcher(script);
        assertThat(topics.find()).isTrue();
        Job job = named(Job.class, "taskforce-topics");
        String command = String.join(" ", job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs());
        assertThat(command).contains("for topic in " + topics.group(1) + "; do")
                .contains("--partitions 3 --replication-factor 1 --config retention.ms=-1")
                .contains("--add-config retention.ms=-1");
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("OnFailure");
    }

    private static void assertProbe(String name, Probe probe, String path) {
        assertThat(probe).as("%s: probe on %s", name, path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(name).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(name).isEqualTo("http");
    }

    /** Every document of taskforce.yaml, read into the model class of its kind. */
    static List<HasMetadata> objects() throws IOException {
        ObjectMapper model = JsonMapper.builder().build();
        List<HasMetadata> objects = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(ROOT.resolve("deploy/kubernetes/taskforce.yaml").toFile())) {
            for (JsonNode document : new YAMLMapper().readValues(parser, JsonNode.class).readAll()) {
                Class<? extends HasMetadata> type = KINDS.get(document.path("kind").asText());
                assertThat(type).as("a kind this check knows: %s", document.path("kind")).isNotNull();
                HasMetadata object = model.treeToValue(document, type);
                assertThat(object.getApiVersion()).as("the model's API version of %s", type.getSimpleName())
                        .isEqualTo(instance(type).getApiVersion());
                objects.add(object);
            }
        }
        return objects;
    }

    private static HasMetadata instance(Class<? extends HasMetadata> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T extends HasMetadata> List<T> all(Class<T> type) throws IOException {
        return objects().stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> T named(Class<T> type, String name) throws IOException {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    /** The model keeps what it does not know in additionalProperties: any found, anywhere, is a mistake. */
    private static void leftOver(Object value, String path, List<String> unknown) throws Exception {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                leftOver(entry.getValue(), path + "." + entry.getKey(), unknown);
            }
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                leftOver(item, path + "[" + i++ + "]", unknown);
            }
        } else if (value != null && value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            for (Method getter : value.getClass().getMethods()) {
                if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                        || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                    continue;
                }
                Object property = invoke(getter, value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + ": " + extra.keySet());
                    }
                } else {
                    leftOver(property, path + "." + getter.getName().substring(3), unknown);
                }
            }
        }
    }

    private static Object invoke(Method getter, Object target) throws IllegalAccessException {
        try {
            return getter.invoke(target);
        } catch (InvocationTargetException e) {
            return null; // a derived getter that does not apply to this value
        }
    }

    /** The BASE_SERVICES line of ./taskforce: name:port of each service's first instance. */
    private static Map<String, Integer> scriptServicePorts() throws IOException {
        Matcher line = Pattern.compile("(?m)^BASE_SERVICES=\"([^\"]+)\"").matcher(Files.readString(ROOT.resolve("taskforce")));
        assertThat(line.find()).isTrue();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String entry : line.group(1).split(" ")) {
            ports.put(entry.split(":")[0], Integer.parseInt(entry.split(":")[1]));
        }
        return ports;
    }
}

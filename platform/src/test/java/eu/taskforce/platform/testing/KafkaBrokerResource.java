package eu.taskforce.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.Map;

/**
 * Runs a {@link KafkaBroker} of its own for a {@code @QuarkusTest} class and points the application at it
 * ({@code kafka.bootstrap.servers}). The test gets the broker, to stop and start it, in a field annotated
 * {@link InjectKafkaBroker}:
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
 * class SomeTest {
 *     @InjectKafkaBroker
 *     KafkaBroker broker;
 * }
 * }</pre>
 * <p>
 * The broker's directory is {@code target/kafka-broker/<name>}, where the name is the init argument
 * {@code name} (default {@code broker}); it is emptied when the resource starts.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private String name = "broker";
    private KafkaBroker broker;

    @Override
    public void init(Map<String, String> initArgs) {
        name = initArgs.getOrDefault("name", name);
    }

    @Override
    public Map<String, String> start() {
        broker = KafkaBroker.create(Path.of("target", "kafka-broker", name)).start();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(broker,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaBroker.class, KafkaBroker.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}

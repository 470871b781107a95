package eu.taskforce.platform.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) run as a child process of the
 * test JVM, for tests that need to stop and start Kafka without touching the shared broker on 9092.
 * <p>
 * It runs from the Kafka distribution that {@code ./taskforce up} fetches into
 * {@code ${taskforce.home}/dist/kafka-<version>/libs} (Surefire passes {@code taskforce.home}), on two free
 * ports of 127.0.0.1 (client and controller), with its data and log in a directory of its own. {@link #stop()}
 * ends the process and waits for it; {@link #start()} runs it again on the same ports and data, so what was
 * written before the stop is still there.
 *
 * <pre>{@code
 * try (KafkaBroker broker = KafkaBroker.create(Path.of("target/kafka-test")).start()) {
 *     String servers = broker.bootstrapServers();
 *     broker.stop();   // Kafka is away
 *     broker.start();  // and back, same address
 * }
 * }</pre>
 */
public final class KafkaBroker implements AutoCloseable {

    public static final String KAFKA_VERSION = "4.1.2";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;
    private final Path libs;
    private final int port;
    private final int controllerPort;
    private final Thread killOnExit;
    private Process process;

    private KafkaBroker(Path directory, Path libs, int port, int controllerPort) {
        this.directory = directory;
        this.libs = libs;
        this.port = port;
        this.controllerPort = controllerPort;
        this.killOnExit = new Thread(this::kill, "kafka-broker-kill-on-exit");
    }

    /**
     * Prepares a new broker in {@code directory} (emptied first): picks its ports, writes its configuration and
     * formats its storage. Nothing runs until {@link #start()}.
     */
    public static KafkaBroker create(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        Path libs = kafkaLibs();
        try {
            deleteRecursively(dir);
            Files.createDirectories(dir.resolve("data"));
            int[] ports = freePorts();
            KafkaBroker broker = new KafkaBroker(dir, libs, ports[0], ports[1]);
            broker.writeConfiguration();
            broker.format();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare a Kafka broker in " + dir, e);
        }
    }

    /** {@code ${taskforce.home}/dist/kafka-<version>/libs}, or the directory named by {@code taskforce.kafka.libs}. */
    static Path kafkaLibs() {
        String explicit = System.getProperty("taskforce.kafka.libs");
        Path libs = explicit != null ? Path.of(explicit)
                : Path.of(System.getProperty("taskforce.home", System.getProperty("user.home") + "/.taskforce"),
                "dist", "kafka-" + KAFKA_VERSION, "libs");
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException("The Kafka distribution is not at " + libs
                    + "; run ./taskforce up once (it fetches Kafka from Maven Central), or set -Dtaskforce.kafka.libs");
        }
        return libs;
    }

    /** Starts the broker process and returns once it answers clients. Does nothing if it already runs. */
    public synchronized KafkaBroker start() {
        if (isRunning()) {
            return this;
        }
        try {
            process = new ProcessBuilder(java("kafka.Kafka", directory.resolve("server.properties").toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka broker", e);
        }
        Runtime.getRuntime().removeShutdownHook(killOnExit);
        Runtime.getRuntime().addShutdownHook(killOnExit);
        awaitReady();
        return this;
    }

    /** Stops the broker (SIGTERM, a clean shutdown) and waits until the process has ended. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            process = null;
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook runs anyway and finds nothing to kill
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@code 127.0.0.1:<port>}, the same across restarts. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Where the broker keeps its configuration, its data ({@code data/}) and its log ({@code kafka.log}). */
    public Path directory() {
        return directory;
    }

    /** Creates a topic unless it exists. The broker must run. */
    public void createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + name, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topic " + name, e);
        }
    }

    @Override
    public String toString() {
        return "Kafka " + KAFKA_VERSION + " broker at " + bootstrapServers() + " (" + directory + ")";
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try {
            // first the port (quietly), then a client's view: the broker answers metadata requests
            while (!listening()) {
                checkStarting(deadline);
                process.waitFor(100, TimeUnit.MILLISECONDS); // pause, and notice at once if it dies
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new IllegalStateException("Interrupted while the Kafka broker was starting", e);
        }
        try (Admin admin = admin()) {
            while (true) {
                checkStarting(deadline);
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    // not answering yet
                }
                process.waitFor(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new IllegalStateException("Interrupted while the Kafka broker was starting", e);
        }
    }

    private void checkStarting(Instant deadline) {
        if (!process.isAlive()) {
            throw new IllegalStateException("The Kafka broker stopped while starting (exit " + process.exitValue()
                    + "); see " + log());
        }
        if (Instant.now().isAfter(deadline)) {
            kill();
            throw new IllegalStateException("The Kafka broker did not start within " + START_TIMEOUT + "; see " + log());
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200));
    }

    private synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private void writeConfiguration() throws IOException {
        Files.writeString(directory.resolve("server.properties"), """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=1
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=1
                share.coordinator.state.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=true
                """.formatted(port, controllerPort, directory.resolve("data")));
        // log4j2 of the broker: to stdout (its log file), no shutdown hook, or the last lines are lost
        Files.writeString(directory.resolve("log4j2.properties"), """
                status = warn
                shutdownHook = disable
                appender.out.type = Console
                appender.out.name = out
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = INFO
                rootLogger.appenderRef.out.ref = out
                logger.kafka.name = kafka
                logger.kafka.level = WARN
                logger.apache.name = org.apache.kafka
                logger.apache.level = WARN
                """);
    }

    private void format() throws IOException {
        Process format = new ProcessBuilder(java("kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", directory.resolve("server.properties").toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("format.log").toFile()))
                .start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting the Kafka storage took too long; see "
                        + directory.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            format.destroyForcibly();
            throw new IllegalStateException("Interrupted while formatting the Kafka storage", e);
        }
        if (format.exitValue() != 0) {
            throw new IllegalStateException("Formatting the Kafka storage failed; see " + directory.resolve("format.log"));
        }
    }

    private List<String> java(String mainClass, String... args) {
        return Stream.concat(Stream.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                                "-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties"),
                                "-cp", libs.toAbsolutePath() + "/*",
                                mainClass),
                        Stream.of(args))
                .toList();
    }

    private Path log() {
        return directory.resolve("kafka.log");
    }

    /** Two distinct free ports of 127.0.0.1, for the client and the controller listener. */
    private static int[] freePorts() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket a = new ServerSocket(0, 1, loopback); ServerSocket b = new ServerSocket(0, 1, loopback)) {
            return new int[]{a.getLocalPort(), b.getLocalPort()};
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

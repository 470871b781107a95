package eu.taskforce.platform.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The Kafka topic a contract topic name maps to. The module tests set {@code taskforce.kafka.topic-prefix} so
 * that they never write to, or read from, the topics of a stack running on the same broker.
 */
@ApplicationScoped
public class TopicNames {

    private final String prefix;

    public TopicNames(@ConfigProperty(name = "taskforce.kafka.topic-prefix") Optional<String> prefix) {
        this.prefix = prefix.orElse("");
    }

    public String of(String contractTopic) {
        return prefix + contractTopic;
    }
}

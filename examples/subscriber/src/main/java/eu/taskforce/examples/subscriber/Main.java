package eu.taskforce.examples.subscriber;

import eu.taskforce.contracts.Topics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the example subscriber until it is stopped (Ctrl-C): {@code java -cp ... eu.taskforce.examples.subscriber.Main
 * [bootstrap-servers] [group-id]}, by default {@code 127.0.0.1:9092} (or {@code TASKFORCE_KAFKA}) and
 * {@code example-subscriber}.
 */
public final class Main {

    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : System.getenv().getOrDefault("TASKFORCE_KAFKA", "127.0.0.1:9092");
        String group = args.length > 1 ? args[1] : "example-subscriber";
        AtomicBoolean running = new AtomicBoolean(true);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.set(false);
            try {
                main.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        SignatoryView view = new SignatoryView();
        try (Subscriber subscriber = new Subscriber(Subscriber.settings(bootstrap, group),
                List.of(Topics.MEMBERSHIP, Topics.MEETINGS, Topics.GUIDANCE), view, System.out::println)) {
            System.out.println("Reading " + Topics.MEMBERSHIP + ", " + Topics.MEETINGS + ", " + Topics.GUIDANCE
                    + " from " + bootstrap + " as consumer group " + group + " (Ctrl-C stops)");
            while (running.get()) {
                if (subscriber.poll(Duration.ofSeconds(1)) > 0) {
                    System.out.println(subscriber.counts() + "; signatories held: " + view.signatories());
                }
            }
        }
    }

    private Main() {
    }
}

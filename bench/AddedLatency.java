import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latency a proxy adds on one connection, measured request by request: each round sends one request to every
 * target (direct first in one round, last in the next: the order rotates), so that a pause of the machine (another
 * build on the same cores, a page fault) falls on the targets alike. wrk's one-connection runs measure each target
 * for seconds in turn, and on a shared machine their p99 moves by more than the milliseconds asked about.
 *
 * <p>Run with the JDK alone: {@code java bench/AddedLatency.java REQUESTS WARMUP HEADER label=url ...} (HEADER "-" for
 * none, else "Name: value"); the first target is the one the others are compared with. Prints, per target, the
 * percentiles of its own latencies; per other target, those percentiles minus the first's, and the p99 of each fifth
 * of the run minus the first's in the same fifth (the spread). Prints figures, never judges.
 */
public class AddedLatency {

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: java AddedLatency.java REQUESTS WARMUP HEADER label=url label=url ...");
            System.exit(2);
        }
        int requests = Integer.parseInt(args[0]);
        int warmup = Integer.parseInt(args[1]);
        String header = args[2];
        Map<String, HttpRequest> targets = new LinkedHashMap<>();
        for (String target : Arrays.copyOfRange(args, 3, args.length)) {
            String[] labelAndUrl = target.split("=", 2);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(labelAndUrl[1])).timeout(Duration.ofSeconds(10));
            if (!header.equals("-")) {
                String[] nameAndValue = header.split(":\\s*", 2);
                request.header(nameAndValue[0], nameAndValue[1]);
            }
            targets.put(labelAndUrl[0], request.GET().build());
        }
        List<String> labels = new ArrayList<>(targets.keySet());
        // one client per target: each keeps its own kept-alive connection, as one wrk connection does
        Map<String, HttpClient> clients = new LinkedHashMap<>();
        for (String label : labels) {
            clients.put(label, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }
        Map<String, long[]> nanos = new LinkedHashMap<>();
        for (String label : labels) {
            nanos.put(label, new long[requests]);
        }
        Map<String, Integer> failures = new LinkedHashMap<>();
        for (int round = -warmup; round < requests; round++) {
            for (int i = 0; i < labels.size(); i++) {
                String label = labels.get(Math.floorMod(i + round, labels.size()));
                long start = System.nanoTime();
                HttpResponse<byte[]> response = clients.get(label).send(targets.get(label), HttpResponse.BodyHandlers.ofByteArray());
                long elapsed = System.nanoTime() - start;
                if (response.statusCode() != 200) {
                    failures.merge(label + " " + response.statusCode(), 1, Integer::sum);
                }
                if (round >= 0) {
                    nanos.get(label)[round] = elapsed;
                }
            }
        }
        String first = labels.get(0);
        System.out.printf("%d requests per target, interleaved one by one (after %d not counted); answers other than 200: %s%n",
                requests, warmup, failures.isEmpty() ? "none" : failures);
        System.out.printf("  %-28s %9s %9s %9s %9s%n", "ms", "p50", "p90", "p99", "p99.9");
        for (String label : labels) {
            long[] sorted = nanos.get(label).clone();
            Arrays.sort(sorted);
            System.out.printf("  %-28s %9.3f %9.3f %9.3f %9.3f%n", label, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99),
                    ms(sorted, 0.999));
        }
        long[] base = nanos.get(first);
        for (String label : labels.subList(1, labels.size())) {
            long[] own = nanos.get(label);
            System.out.printf("  %-28s p50 %+.3f ms, p99 %+.3f ms; p99 added in each fifth of the run:", label + " − " + first,
                    ms(sortedCopy(own, 0, own.length), 0.50) - ms(sortedCopy(base, 0, base.length), 0.50),
                    ms(sortedCopy(own, 0, own.length), 0.99) - ms(sortedCopy(base, 0, base.length), 0.99));
            int fifth = requests / 5;
            for (int part = 0; part < 5; part++) {
                int from = part * fifth;
                System.out.printf(" %+.3f", ms(sortedCopy(own, from, from + fifth), 0.99) - ms(sortedCopy(base, from, from + fifth), 0.99));
            }
            System.out.println();
        }
    }

    private static long[] sortedCopy(long[] values, int from, int to) {
        long[] copy = Arrays.copyOfRange(values, from, to);
        Arrays.sort(copy);
        return copy;
    }

    /** The nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    private static double ms(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}

package eu.taskforce.platform.testing;

import eu.taskforce.platform.retention.Retention;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** What the retention tests of every service share: rows planted just past or within a period, and racing purges. */
public final class Purges {

    /** How far from the end of its period a planted row lies, so that the test's own duration cannot matter. */
    public static final Duration MARGIN = Duration.ofHours(1);

    private Purges() {
    }

    /**
     * Two purges started at the same moment, as two instances of the service would run them; the rows each rule purged,
     * summed over both (each must fail neither, and no row may be counted twice).
     */
    public static Map<String, Long> twoAtOnce(Retention retention) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<String, Long>>> purges = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            purges.add(pool.submit(() -> {
                start.await();
                return retention.purgeNow();
            }));
        }
        start.countDown();
        Map<String, Long> total = new HashMap<>();
        for (Future<Map<String, Long>> purge : purges) {
            purge.get(60, TimeUnit.SECONDS).forEach((rule, count) -> total.merge(rule, count, Long::sum));
        }
        pool.shutdown();
        return total;
    }
}

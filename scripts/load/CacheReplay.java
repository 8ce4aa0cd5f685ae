import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * The deadline-week round replayed against Caffeine (docs/performance.md, "Kept pages keyed by version"): each of
 * {@code users} users opens its form (a read of the kept entry for the form's current version; a miss reads the form
 * and keeps it), saves it 24 s later (a new version, whose page the edit page after the save keeps), and opens it
 * again 50–60 s after that, for 30 rounds. Prints the hit rate of the openings after the first five rounds, for a
 * cache of {@code capacity} entries keyed by (form, version) ({@code version}) or by form with the version in the
 * entry ({@code form}).
 *
 * <p>Run with the Caffeine jar the build uses (in the local Maven repository after any build):
 * <pre>
 *   java -cp ~/.m2/repository/com/github/ben-manes/caffeine/caffeine/3.2.4/caffeine-3.2.4.jar \
 *       scripts/load/CacheReplay.java 2000 2700 version
 * </pre>
 */
public class CacheReplay {

    record Key(long form, long version) {
    }

    public static void main(String[] args) {
        int users = Integer.parseInt(args[0]);
        int capacity = Integer.parseInt(args[1]);
        boolean byForm = args[2].equals("form");
        Cache<Object, Long> cache = Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
        Random random = new Random(1);
        // events: {time in s, user, 0 = open / 1 = save}
        PriorityQueue<double[]> events = new PriorityQueue<>(Comparator.comparingDouble(e -> e[0]));
        long[] version = new long[users];
        for (int u = 0; u < users; u++) {
            events.add(new double[] {random.nextDouble() * 74, u, 0});
        }
        long hits = 0;
        long opens = 0;
        while (!events.isEmpty()) {
            double[] e = events.poll();
            if (e[0] > 74 * 30) {
                break;
            }
            int u = (int) e[1];
            if (e[2] == 0) {
                Object key = byForm ? (Object) (long) u : new Key(u, version[u]);
                Long kept = cache.getIfPresent(key);
                boolean hit = kept != null && kept == version[u];
                if (e[0] > 74 * 5) {
                    opens++;
                    hits += hit ? 1 : 0;
                }
                if (!hit) {
                    cache.put(key, version[u]);
                }
                events.add(new double[] {e[0] + 24, u, 1});
            } else {
                version[u]++;
                cache.put(byForm ? (Object) (long) u : new Key(u, version[u]), version[u]);
                events.add(new double[] {e[0] + 50 + random.nextDouble() * 10, u, 0});
            }
        }
        System.out.printf("%d users, %d entries, keyed by %s: %.1f %% of openings hit%n", users, capacity,
                byForm ? "form" : "(form, version)", 100.0 * hits / opens);
    }
}

package dev.attest.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What one client's calls took: the latency of every successful call, by {@link CaseCall}, and the calls that
 * failed, by call and cause. A failed call is tried again up to {@code retries} times, as a user would (every
 * Attest call is one transaction: a failure leaves nothing behind); one that still fails is thrown. Not
 * thread-safe: one per client thread, {@link #addAll merged} when the clients are done.
 */
final class ClientCalls {

    /** No retries: a failure is thrown at once (the single-threaded benchmark). */
    static ClientCalls strict() {
        return new ClientCalls(0);
    }

    private final int retries;
    private final Map<CaseCall, List<Long>> nanos = new EnumMap<>(CaseCall.class);
    final Map<String, Integer> errors = new TreeMap<>();
    /** The first failure of each kind, with its stack trace, for the report's investigation. */
    final Map<String, Throwable> firstOfKind = new TreeMap<>();

    ClientCalls(int retries) {
        this.retries = retries;
    }

    <T> T time(CaseCall call, Supplier<T> work) {
        for (int attempt = 0;; attempt++) {
            long start = System.nanoTime();
            try {
                T result = work.get();
                nanos.computeIfAbsent(call, c -> new ArrayList<>()).add(System.nanoTime() - start);
                return result;
            } catch (RuntimeException e) {
                String kind = call.label + ": " + cause(e);
                errors.merge(kind, 1, Integer::sum);
                firstOfKind.putIfAbsent(kind, e);
                if (attempt >= retries) {
                    throw e;
                }
            }
        }
    }

    void time(CaseCall call, Runnable work) {
        time(call, () -> {
            work.run();
            return null;
        });
    }

    void addAll(ClientCalls other) {
        other.nanos.forEach((call, list) -> nanos.computeIfAbsent(call, c -> new ArrayList<>()).addAll(list));
        addFailures(other);
    }

    /** Only the other's failures (those of untimed warm-up cases count too). */
    void addFailures(ClientCalls other) {
        other.errors.forEach((kind, n) -> errors.merge(kind, n, Integer::sum));
        other.firstOfKind.forEach(firstOfKind::putIfAbsent);
    }

    int errorCount() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The latency in ms below which the given share of the call's samples fall (nearest rank), or NaN. */
    double percentileMillis(CaseCall call, double share) {
        List<Long> samples = nanos.get(call);
        if (samples == null || samples.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(share * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    /** The innermost cause's type and the first line of its message: what went wrong, not where it surfaced. */
    static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        message = message.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "…").replaceAll("\\d{3,}", "…");
        String text = root.getClass().getSimpleName() + (message.isEmpty() ? "" : " (" + message + ")");
        return root == e ? text : e.getClass().getSimpleName() + " ← " + text;
    }
}

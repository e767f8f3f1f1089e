package dev.segmentagent.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies and outcomes of one request kind, written by many user threads at once. HdrHistogram's Recorder
 * takes a value without locking and keeps every percentile to 3 significant digits in fixed memory, where a
 * sorted array of samples would grow with the run.
 */
final class KindStats {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
    private final LongAdder ok = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    void succeeded(long nanos) {
        recorder.recordValue(micros(nanos));
        ok.increment();
    }

    /** A failed call still took time: its latency is recorded too, so a slow error shows in the tail. */
    void failed(long nanos, String reason) {
        recorder.recordValue(micros(nanos));
        errors.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    LoadReport.KindFigures figures(RequestKind kind, double seconds) {
        Histogram h = recorder.getIntervalHistogram();
        long failed = errors.values().stream().mapToLong(LongAdder::sum).sum();
        long total = ok.sum() + failed;
        Map<String, Long> byReason = new TreeMap<>();
        errors.forEach((reason, count) -> byReason.put(reason, count.sum()));
        return new LoadReport.KindFigures(kind.name().toLowerCase(java.util.Locale.ROOT), total, ok.sum(),
                total / seconds, ms(h, 50), ms(h, 95), ms(h, 99), h.getTotalCount() == 0 ? 0 : h.getMaxValue() / 1000.0,
                byReason);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static long micros(long nanos) {
        return Math.max(1, Math.min(HIGHEST_MICROS, nanos / 1000));
    }
}

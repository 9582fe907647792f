package nl.kindplan.hub.run;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import nl.kindplan.hub.run.RunRegister.Phase;

/**
 * How long each phase of a run took, for the run record ({@code phase.TAKING_IN.ms}, …) and the
 * benchmark, and the peak heap of the process ({@code heap.peak.mb}). In run-once, intake counts from
 * the first file the run took in when that was before the run began (the hub takes its inboxes in
 * while it starts), but never from before this hub started; in service mode it is the phase's own time.
 */
final class PhaseTimes {

    private final Instant hubStarted = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    private final Map<Long, EnumMap<Phase, Instant>> starts = new ConcurrentHashMap<>();

    void begin(long runId, Phase phase) {
        starts.computeIfAbsent(runId, id -> new EnumMap<>(Phase.class)).put(phase, Instant.now());
    }

    /** Milliseconds per phase that this hub saw begin, and the peak heap; forgets the run. */
    Map<String, Long> end(long runId, Instant firstFileReceived) {
        Map<String, Long> counts = new LinkedHashMap<>();
        EnumMap<Phase, Instant> begun = starts.remove(runId);
        if (begun != null) {
            Instant end = Instant.now();
            Phase[] phases = Phase.values();
            for (int i = phases.length - 1; i >= 0; i--) {
                Instant start = begun.get(phases[i]);
                if (start == null) {
                    continue;
                }
                if (phases[i] == Phase.TAKING_IN && firstFileReceived != null && firstFileReceived.isBefore(start)) {
                    start = firstFileReceived.isAfter(hubStarted) ? firstFileReceived : hubStarted;
                }
                counts.put("phase." + phases[i].name() + ".ms", Math.max(0, end.toEpochMilli() - start.toEpochMilli()));
                end = begun.get(phases[i]);
            }
        }
        counts.put("heap.peak.mb", peakHeapBytes() / (1024 * 1024));
        return counts;
    }

    /** The sum of the heap pools' peaks since the JVM started (an upper bound of the true peak). */
    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}

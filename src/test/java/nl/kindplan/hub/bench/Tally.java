package nl.kindplan.hub.bench;

import java.util.Map;
import java.util.TreeMap;

/** What one night's files hold: files, rows and bytes per source, and the planted cases by kind. */
final class Tally {

    final Map<String, long[]> perSource = new TreeMap<>();
    final Map<String, Integer> planted = new TreeMap<>();

    void file(String source, long rows, long bytes) {
        long[] t = perSource.computeIfAbsent(source, s -> new long[3]);
        t[0]++;
        t[1] += rows;
        t[2] += bytes;
    }

    void plant(String kind) {
        planted.merge(kind, 1, Integer::sum);
    }

    long files() {
        return perSource.values().stream().mapToLong(t -> t[0]).sum();
    }

    long rows() {
        return perSource.values().stream().mapToLong(t -> t[1]).sum();
    }

    long bytes() {
        return perSource.values().stream().mapToLong(t -> t[2]).sum();
    }

    String describe() {
        StringBuilder s = new StringBuilder();
        perSource.forEach((source, t) -> s.append(String.format("%s %d files / %d rows / %.1f MB; ", source, t[0], t[1],
                t[2] / 1e6)));
        s.append("planted ").append(planted);
        return s.toString();
    }
}

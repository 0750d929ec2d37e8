package cn.yinling.dashboard.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The generator's ingest-plan.csv: every generated file with its feed, period and unit, in ingest order. */
record IngestPlan(Path folder, List<Entry> entries) {

    record Entry(Path file, String feed, String period, String unit) {
    }

    static final String FILE_NAME = "ingest-plan.csv";

    /**
     * For each entry, the earlier entries it must wait for when files are landed side by side, so that every file
     * lands with the same outcome as in plan order. The landing step reads other batches in force: every feed with a
     * region column the region registry, service orders the facility registry and the orders of other periods, a
     * district unit's person feeds the household snapshot in force for their period (the latest at or before it,
     * else the latest of all). So an entry waits for the earlier region, household and own-feed entries (and a service
     * order for the facilities); a facility file waits for the earlier service orders; a household snapshot waits for
     * the earlier files whose snapshot in force it could change.
     */
    List<List<Integer>> dependencies() {
        List<List<Integer>> waits = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            List<Integer> before = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                if (mustFollow(e, entries.get(j), j)) {
                    before.add(j);
                }
            }
            waits.add(List.copyOf(before));
        }
        return waits;
    }

    private boolean mustFollow(Entry later, Entry earlier, int earlierIndex) {
        if (later.feed().equals(REGION) || earlier.feed().equals(REGION) || later.feed().equals(earlier.feed())) {
            return true;
        }
        if (earlier.feed().equals(HOUSEHOLD)) {
            return true;
        }
        if (earlier.feed().equals(FACILITY)) {
            return later.feed().equals(SERVICE_ORDER);
        }
        if (later.feed().equals(FACILITY)) {
            return earlier.feed().equals(SERVICE_ORDER);
        }
        if (later.feed().equals(HOUSEHOLD)) {
            String upTo = snapshotUpTo(earlier.period());
            boolean hadSnapshot = entries.subList(0, earlierIndex).stream()
                    .anyMatch(x -> x.feed().equals(HOUSEHOLD) && x.period().compareTo(upTo) <= 0);
            return !hadSnapshot || later.period().compareTo(upTo) <= 0;
        }
        return false;
    }

    /** The last household period a batch of {@code period} may be checked against (a year: its December). */
    private static String snapshotUpTo(String period) {
        return period.length() == 4 ? period + "-12" : period;
    }

    private static final String REGION = "region";
    private static final String HOUSEHOLD = "household";
    private static final String FACILITY = "facility";
    private static final String SERVICE_ORDER = "service_order";

    static IngestPlan read(Path folder) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve(FILE_NAME), StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).replace("\uFEFF", "").equals("file,feed,period,unit")) {
            throw new RefusedInputException(folder.resolve(FILE_NAME) + " 的表头应为 file,feed,period,unit");
        }
        List<Entry> entries = lines.stream().skip(1).filter(l -> !l.isBlank()).map(line -> {
            String[] cells = line.split(",", -1);
            return new Entry(folder.resolve(cells[0]), cells[1], cells[2], cells[3]);
        }).toList();
        return new IngestPlan(folder, entries);
    }
}

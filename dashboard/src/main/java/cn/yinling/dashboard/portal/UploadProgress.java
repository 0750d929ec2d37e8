package cn.yinling.dashboard.portal;

import cn.yinling.warehouse.land.LandingProgress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Progress of uploads being checked, by an id the page makes up and sends with the upload ({@code X-Upload-Id}), so
 * it can poll while its POST is still running. Only the account that uploaded sees its progress; entries are forgotten
 * ten minutes after their last change.
 */
public final class UploadProgress {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final long KEEP_MILLIS = 10 * 60_000;

    /** What the page shows: phase receiving → checking → done, rows checked, and the expected rows when known. */
    public record Snapshot(String phase, long rowsChecked, Long expectedRows, Double fraction) {
    }

    public static final class Tracker implements LandingProgress {
        final String owner;
        volatile String phase = "checking";
        volatile long rows;
        volatile Long expected;
        volatile long touched = System.currentTimeMillis();

        Tracker(String owner) {
            this.owner = owner;
        }

        @Override
        public void rowsChecked(long rowsRead) {
            rows = rowsRead;
            touched = System.currentTimeMillis();
        }

        public void expectedRows(Long expectedRows) {
            expected = expectedRows;
        }

        public void done() {
            phase = "done";
            touched = System.currentTimeMillis();
        }

        Snapshot snapshot() {
            Long e = expected;
            Double fraction = e == null || e <= 0 ? null : Math.min(1.0, (double) rows / e);
            if ("done".equals(phase)) {
                fraction = 1.0;
            }
            return new Snapshot(phase, rows, e, fraction);
        }
    }

    private final Map<String, Tracker> trackers = new ConcurrentHashMap<>();

    /** A tracker for an upload; a no-op tracker when the page sent no (valid) id. */
    public Tracker start(String uploadId, String owner) {
        Tracker tracker = new Tracker(owner);
        long now = System.currentTimeMillis();
        trackers.values().removeIf(t -> now - t.touched > KEEP_MILLIS);
        if (uploadId != null && ID.matcher(uploadId).matches()) {
            trackers.put(uploadId, tracker);
        }
        return tracker;
    }

    public Optional<Snapshot> of(String uploadId, String owner) {
        Tracker t = uploadId == null ? null : trackers.get(uploadId);
        return t == null || !t.owner.equals(owner) ? Optional.empty() : Optional.of(t.snapshot());
    }
}

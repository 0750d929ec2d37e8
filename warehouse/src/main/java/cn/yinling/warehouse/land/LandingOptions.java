package cn.yinling.warehouse.land;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * Tunables of the landing step.
 *
 * @param maxUploadBytes  files larger than this are refused (FILE_TOO_LARGE)
 * @param rejectThreshold a file is refused (REJECT_THRESHOLD) when quarantined rows exceed this share of its data rows
 * @param clock           source of batch ids and of "today" for ID birth-date checks
 */
public record LandingOptions(long maxUploadBytes, double rejectThreshold, Clock clock) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final long DEFAULT_MAX_UPLOAD_MB = 200;
    public static final double DEFAULT_REJECT_THRESHOLD = 0.05;

    public LandingOptions {
        if (maxUploadBytes <= 0) {
            throw new IllegalArgumentException("maxUploadBytes must be positive");
        }
        if (rejectThreshold < 0 || rejectThreshold > 1) {
            throw new IllegalArgumentException("rejectThreshold must lie in 0..1");
        }
        if (clock == null) {
            throw new IllegalArgumentException("clock is required");
        }
    }

    /** 200 MB, 5 %, the system clock in Asia/Shanghai. */
    public static LandingOptions defaults() {
        return new LandingOptions(DEFAULT_MAX_UPLOAD_MB * 1024 * 1024, DEFAULT_REJECT_THRESHOLD, Clock.system(ZONE));
    }

    /** The defaults, with AGING_MAX_UPLOAD_MB (whole megabytes) when set. */
    public static LandingOptions fromEnvironment(Map<String, String> env) {
        LandingOptions options = defaults();
        String mb = env.get("AGING_MAX_UPLOAD_MB");
        if (mb != null && !mb.isBlank()) {
            long value;
            try {
                value = Long.parseLong(mb.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("AGING_MAX_UPLOAD_MB must be a whole number of megabytes: " + mb);
            }
            options = options.withMaxUploadBytes(value * 1024 * 1024);
        }
        return options;
    }

    public static LandingOptions fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public LandingOptions withMaxUploadBytes(long bytes) {
        return new LandingOptions(bytes, rejectThreshold, clock);
    }

    public LandingOptions withRejectThreshold(double threshold) {
        return new LandingOptions(maxUploadBytes, threshold, clock);
    }

    public LandingOptions withClock(Clock newClock) {
        return new LandingOptions(maxUploadBytes, rejectThreshold, newClock);
    }
}

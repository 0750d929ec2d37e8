package cn.yinling.dashboard.report;

import cn.yinling.dashboard.kpi.KpiAvailability;
import cn.yinling.warehouse.kpi.KpiDefinition;
import cn.yinling.warehouse.serve.FeedDeliveries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.YearMonth;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a version's lineage.json tells the report: when it was published, and which feeds came in for which periods.
 * The mart holds a row of zeros for every region even when a KPI's feed was never sent, so a zero alone cannot
 * tell "none" from "not known"; the feeds can. (Same rule as the dashboard's KPI pages.)
 *
 * @param publishedAt    lineage's created_at; the version folder's modification time when the file has none
 * @param periodsByFeed  feed → periods of its batches ({@code YYYY-MM} or {@code YYYY})
 * @param known          false without a readable list of batches: then every feed counts as delivered
 * @param batchCount     batches that went into the version
 */
record VersionLineage(OffsetDateTime publishedAt, Map<String, SortedSet<String>> periodsByFeed, boolean known,
                      int batchCount) {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static VersionLineage read(Path versionDirectory) {
        Path file = versionDirectory.resolve("lineage.json");
        try {
            OffsetDateTime folderTime = Files.getLastModifiedTime(versionDirectory).toInstant().atZone(SHANGHAI)
                    .toOffsetDateTime();
            if (!Files.isRegularFile(file)) {
                return new VersionLineage(folderTime, Map.of(), false, 0);
            }
            JsonNode lineage = new ObjectMapper().readTree(file.toFile());
            OffsetDateTime createdAt = parse(lineage.path("created_at").asText(null), folderTime);
            JsonNode batches = lineage.path("batches");
            Map<String, SortedSet<String>> periods = new TreeMap<>();
            for (JsonNode batch : batches) {
                periods.computeIfAbsent(batch.path("feed").asText(), f -> new TreeSet<>())
                        .add(batch.path("period").asText());
            }
            return new VersionLineage(createdAt, periods, batches.isArray(), batches.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static OffsetDateTime parse(String text, OffsetDateTime fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(SHANGHAI).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text).atZone(SHANGHAI).toOffsetDateTime();
            } catch (DateTimeParseException again) {
                return fallback;
            }
        }
    }

    /** Whether a KPI can have figures for {@code month}: the dashboard's rule (KpiAvailability), on this lineage. */
    boolean covers(KpiDefinition kpi, YearMonth month) {
        return KpiAvailability.delivered(kpi, new FeedDeliveries(periodsByFeed, known), month);
    }
}

package cn.yinling.dashboard.report;

import cn.yinling.warehouse.kpi.KpiDefinition;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Feeds many KPIs read only for their population base; a KPI whose own feed never came has no figures. */
    private static final Set<String> BASE_FEEDS = Set.of("household", "death", "region");

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

    /** Whether a KPI can have figures for {@code month}: one of its own feeds came in for it or an earlier period. */
    boolean covers(KpiDefinition kpi, YearMonth month) {
        List<String> feeds = ownFeeds(kpi);
        return feeds.isEmpty() || feeds.stream().anyMatch(feed -> deliveredBy(feed, month));
    }

    /** The feeds a KPI's figures stand on: its sources other than the population base, any one of which suffices. */
    static List<String> ownFeeds(KpiDefinition kpi) {
        List<String> own = kpi.sources().stream().filter(feed -> !BASE_FEEDS.contains(feed)).toList();
        if (!own.isEmpty()) {
            return own;
        }
        return kpi.sources().contains("household") ? List.of("household") : List.of();
    }

    private boolean deliveredBy(String feed, YearMonth month) {
        if (!known) {
            return true;
        }
        SortedSet<String> periods = periodsByFeed.get(feed);
        return periods != null && periods.stream().anyMatch(period -> !start(period).isAfter(month));
    }

    private static YearMonth start(String period) {
        return period.length() == 4 ? YearMonth.of(Integer.parseInt(period), 1) : YearMonth.parse(period);
    }
}

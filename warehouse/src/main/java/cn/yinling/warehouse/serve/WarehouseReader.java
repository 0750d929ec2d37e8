package cn.yinling.warehouse.serve;

import cn.yinling.warehouse.store.AgingHome;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the live published warehouse version for the dashboard and the CLI. Thread-safe; one instance per process.
 *
 * <p>Each call checks the live version at most once per {@code checkInterval} (default one second). When it has
 * changed, the calling thread opens the new version and swaps it in; other calls go on with the version they hold,
 * and the old version is closed when its last query finishes. Every call answers from one version.
 *
 * <p>Methods throw {@link NoPublishedVersionException} when no version is published, and
 * {@link IllegalArgumentException} (Chinese message) for a malformed region code.
 */
public final class WarehouseReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseReader.class);
    private static final Pattern REGION_CODE = Pattern.compile("\\d{12}");
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);

    private final LiveVersionSource source;
    private final long checkIntervalNanos;
    private final AtomicReference<OpenVersion> live = new AtomicReference<>();
    private final AtomicLong nextCheckNanos;
    private volatile boolean closed;
    /** Why the published version could not be opened, while nothing is served; null otherwise. */
    private volatile String openFailure;

    public WarehouseReader(LiveVersionSource source, Duration checkInterval) {
        this.source = source;
        this.checkIntervalNanos = checkInterval.toNanos();
        this.nextCheckNanos = new AtomicLong(System.nanoTime());
    }

    /** Reader of $AGING_HOME/warehouse/CURRENT, checked at most once a second. */
    public static WarehouseReader open(AgingHome home) {
        return new WarehouseReader(new CurrentPointerFile(home), DEFAULT_CHECK_INTERVAL);
    }

    // ---- queries -------------------------------------------------------------------------------------------------

    /** The version number being served, or empty when none is published. Does not throw. */
    public OptionalInt liveVersion() {
        checkIfDue();
        OpenVersion version = live.get();
        return version == null ? OptionalInt.empty() : OptionalInt.of(version.number());
    }

    /** Months with KPI values, oldest first, as {@code YYYY-MM}. */
    public List<String> months() {
        return withKpis(KpiQueries::months);
    }

    /** The newest month with KPI values, or empty when the mart is empty. */
    public Optional<YearMonth> latestMonth() {
        List<String> months = months();
        return months.isEmpty() ? Optional.empty() : Optional.of(YearMonth.parse(months.get(months.size() - 1)));
    }

    /** Every KPI row (totals and breakdowns) of one region and month, with the previous month's value. */
    public List<KpiMonthValue> kpiValues(String regionCode, YearMonth month) {
        checkRegionCode(regionCode);
        return withKpis(q -> q.valuesWithPrevious(regionCode, month.toString()));
    }

    /** One KPI of one region over all months, oldest first; {@code breakdown} null for the total. */
    public List<KpiRow> trend(String kpiCode, String regionCode, String breakdown) {
        checkRegionCode(regionCode);
        return withKpis(q -> q.trend(kpiCode, regionCode, breakdown));
    }

    /** The KPI codes the live version has rows for; a KPI of the catalog without a model is missing. */
    public List<String> publishedKpis() {
        return withKpis(KpiQueries::publishedKpis);
    }

    /** The feeds (and periods) of the batches that went into the live version, from its lineage.json. */
    public FeedDeliveries feedDeliveries() {
        OpenVersion version = acquire();
        try {
            return version.deliveries();
        } finally {
            version.release();
        }
    }

    /**
     * The population pyramid of one region for {@code month} and the same month a year earlier, youngest band
     * first; no rows for a month without figures, none at all when the version has no mart_population_pyramid.
     */
    public List<PyramidRow> pyramid(String regionCode, YearMonth month) {
        checkRegionCode(regionCode);
        OpenVersion version = acquire();
        try {
            if (!version.hasTable("mart_population_pyramid")) {
                return List.of();
            }
            return version.jdbi().withExtension(PopulationQueries.class,
                    q -> q.pyramid(regionCode, month.toString(), month.minusYears(1).toString()));
        } finally {
            version.release();
        }
    }

    /**
     * One KPI for every region directly below {@code parentCode} in one month, by region code; a child without a
     * row of the KPI comes with null value, numerator and denominator.
     */
    public List<KpiRow> childValues(String kpiCode, String parentCode, YearMonth month, String breakdown) {
        checkRegionCode(parentCode);
        return withKpis(q -> q.children(kpiCode, parentCode, month.toString(), breakdown));
    }

    /**
     * The general filter (the CLI's {@code aging kpi}): rows ordered by month, level, region code, KPI code, then
     * breakdown (total first).
     */
    public List<KpiRow> kpiRows(KpiFilter filter) {
        if (filter.regionCode() != null) {
            checkRegionCode(filter.regionCode());
        }
        return withKpis(q -> q.rows(
                filter.from() == null ? null : filter.from().toString(),
                filter.to() == null ? null : filter.to().toString(),
                filter.regionCode(),
                filter.level() == null ? null : filter.level().code(),
                filter.kpiCode()));
    }

    public Optional<Region> region(String regionCode) {
        checkRegionCode(regionCode);
        return withRegions(q -> q.region(regionCode));
    }

    /** The region and its ancestors from the city down (the breadcrumb). */
    public Optional<RegionPath> regionPath(String regionCode) {
        checkRegionCode(regionCode);
        return withVersion(jdbi -> jdbi.withExtension(RegionQueries.class,
                q -> q.region(regionCode).map(r -> new RegionPath(r, q.ancestors(regionCode)))));
    }

    /** Regions directly below a region, by code (district → streets → communities). */
    public List<Region> children(String regionCode) {
        checkRegionCode(regionCode);
        return withRegions(q -> q.children(regionCode));
    }

    /** The level-2 regions (normally the one city), the top of the breadcrumb. */
    public List<Region> cities() {
        return withRegions(RegionQueries::cities);
    }

    /**
     * Runs several queries against one version (e.g. a page that must not mix versions). The Jdbi is only valid
     * inside {@code work}; use the {@link KpiQueries} and {@link RegionQueries} SQL objects with it.
     */
    public <T> T withVersion(Function<Jdbi, T> work) {
        OpenVersion version = acquire();
        try {
            return work.apply(version.jdbi());
        } finally {
            version.release();
        }
    }

    /**
     * Runs {@code work} against one version, told which one (its number and folder): a document that must name the
     * version its figures come from (the annual report, an export) pins it this way for all its reads. The SQL
     * objects of this package ({@link KpiQueries}, {@link RegionQueries}, {@link ExplorerQueries}) go with its Jdbi.
     */
    public <T> T withPinnedVersion(Function<PinnedVersion, T> work) {
        OpenVersion version = acquire();
        try {
            return work.apply(new PinnedVersion(version.published(), version.jdbi(), version.deliveries()));
        } finally {
            version.release();
        }
    }

    private <T> T withKpis(Function<KpiQueries, T> query) {
        return withVersion(jdbi -> jdbi.withExtension(KpiQueries.class, query::apply));
    }

    private <T> T withRegions(Function<RegionQueries, T> query) {
        return withVersion(jdbi -> jdbi.withExtension(RegionQueries.class, query::apply));
    }

    private static void checkRegionCode(String regionCode) {
        if (regionCode == null || !REGION_CODE.matcher(regionCode).matches()) {
            throw new IllegalArgumentException("区划代码应为12位数字（统计用区划代码），例如 320300000000，实际为 " + regionCode);
        }
    }

    // ---- version switching ---------------------------------------------------------------------------------------

    private OpenVersion acquire() {
        if (closed) {
            throw new IllegalStateException("reader is closed");
        }
        checkIfDue();
        while (true) {
            OpenVersion version = live.get();
            if (version == null) {
                version = openFirstVersion();
            }
            if (version == null) {
                String failure = openFailure;
                throw failure == null ? new NoPublishedVersionException() : NoPublishedVersionException.unreadable(failure);
            }
            if (version.retain()) {
                return version;
            }
            // It was swapped out and closed between get() and retain(): the live one is newer, take that.
        }
    }

    /**
     * Nothing is served yet: look at the pointer now instead of waiting for the interval, so the first version is
     * served as soon as it is published. Callers arriving while another one opens it wait for it (the lock) rather
     * than being told nothing is published. A version that failed to open is retried only once per interval.
     */
    private synchronized OpenVersion openFirstVersion() {
        if (live.get() == null && openFailure == null) {
            try {
                refresh();
            } catch (RuntimeException e) {
                openFailure = e.getMessage();
                LOG.error("cannot open the published warehouse version", e);
            }
        }
        return live.get();
    }

    /** One caller per interval looks at the pointer; everyone else goes on with the version they find. */
    private void checkIfDue() {
        long due = nextCheckNanos.get();
        long now = System.nanoTime();
        if (now - due < 0 || !nextCheckNanos.compareAndSet(due, now + checkIntervalNanos)) {
            return;
        }
        try {
            refresh();
        } catch (RuntimeException e) {
            // A broken new version must not take down the one being served.
            if (live.get() == null) {
                openFailure = e.getMessage();
            }
            LOG.error("cannot switch to the published warehouse version; still serving version {}",
                    Optional.ofNullable(live.get()).map(OpenVersion::number).orElse(null), e);
        }
    }

    /**
     * Looks at the live version now and switches to it if it changed. Returns true when it switched; throws when the
     * new version cannot be opened (the old one keeps serving). Normally not needed: every query does this at most
     * once per check interval.
     */
    public synchronized boolean refresh() {
        if (closed) {
            return false;
        }
        Optional<PublishedVersion> published = source.live();
        OpenVersion current = live.get();
        if (published.isEmpty() || current != null && current.number() == published.get().number()) {
            return false;
        }
        OpenVersion opened = OpenVersion.open(published.get());
        live.set(opened);
        openFailure = null;
        if (current != null) {
            current.release();
        }
        LOG.info("serving warehouse version {}", opened.number());
        return true;
    }

    @Override
    public synchronized void close() {
        closed = true;
        OpenVersion current = live.getAndSet(null);
        if (current != null) {
            current.release();
        }
    }
}

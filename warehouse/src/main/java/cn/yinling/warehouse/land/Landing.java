package cn.yinling.warehouse.land;

import cn.yinling.warehouse.contract.ColumnType;
import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;
import cn.yinling.warehouse.read.ByteScan;
import cn.yinling.warehouse.read.FileRefusedException;
import cn.yinling.warehouse.read.RawRow;
import cn.yinling.warehouse.read.RowSource;
import cn.yinling.warehouse.read.RowSources;
import cn.yinling.warehouse.store.AgingHome;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LAND step (spec/architecture.md): one code path for the upload page, the HTTP API and {@code aging ingest}.
 *
 * <p>An upload is archived byte for byte with its SHA-256, its rows are streamed through the feed's contract
 * (spec/feeds.md), accepted rows are written typed to accepted.parquet, every rejection to rejections.csv, and a
 * manifest records the outcome. The batch is written under {@code .tmp-<batch-id>} and renamed into place in one step,
 * so a crash leaves a whole batch or none. Nothing in the landing zone is ever overwritten or deleted.
 *
 * <p>Bad input never throws: a refused file is a {@link BatchReport} with status {@code refused}. Only a failure of
 * the machine itself (disk full, DuckDB missing) throws {@link LandingException}.
 */
public final class Landing {

    static final String ACCEPTED_FILE = "accepted.parquet";
    static final String ORDER_FEED = "service_order";

    private static final Logger LOG = LoggerFactory.getLogger(Landing.class);
    private static final DateTimeFormatter BATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS");
    private static final DateTimeFormatter RECEIVED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final Pattern MONTH_PERIOD = Pattern.compile("(19|20)\\d{2}-(0[1-9]|1[0-2])");
    private static final Pattern YEAR_PERIOD = Pattern.compile("(19|20)\\d{2}");

    private final AgingHome home;
    private final LandingOptions options;
    private final LandingCatalog catalog;
    private final ConcurrentHashMap<String, Object> unitLocks = new ConcurrentHashMap<>();
    private volatile CachedRegistry cachedRegistry;

    private record CachedRegistry(List<String> batchIds, RegionRegistry registry) {
    }

    public Landing(AgingHome home, LandingOptions options) {
        this.home = home;
        this.options = options;
        this.catalog = new LandingCatalog(home);
    }

    public LandingCatalog catalog() {
        return catalog;
    }

    /**
     * Lands one upload and reports what became of it. Never throws for bad input.
     *
     * @throws LandingException when the landing zone itself cannot be written
     */
    public BatchReport ingest(Upload upload) {
        return ingest(upload, LandingProgress.NONE);
    }

    /** {@link #ingest(Upload)}, telling {@code progress} how many rows have been checked as it goes. */
    public BatchReport ingest(Upload upload, LandingProgress progress) {
        FeedContract contract = Contracts.get().feed(upload.feed()).orElse(null);
        if (contract == null) {
            return refusedUnarchived(upload, Rules.FEED_NOT_ALLOWED, "未知的数据类型“" + upload.feed() + "”，可选："
                    + String.join("、", Contracts.get().feeds().stream().map(f -> f.feed() + "（" + f.name() + "）").toList())
                    + "。");
        }
        ReportingUnit unit = ReportingUnit.parse(upload.unit()).orElse(null);
        if (unit == null) {
            return refusedUnarchived(upload, Rules.FEED_NOT_ALLOWED, "报送单位“" + upload.unit()
                    + "”格式错误：应为“部门代码:6位区划代码”，如 civil_affairs:320312；部门代码可选："
                    + String.join("、", Contracts.get().departments().keySet().stream().sorted().toList()) + "。");
        }
        boolean monthly = contract.period() == FeedContract.PeriodKind.month;
        if (upload.period() == null || !(monthly ? MONTH_PERIOD : YEAR_PERIOD).matcher(upload.period()).matches()) {
            return refusedUnarchived(upload, Rules.OUT_OF_PERIOD, "报送期间“" + upload.period() + "”格式错误："
                    + contract.name() + (monthly ? "按月报送，应为YYYY-MM（如2024-12）。" : "按年报送，应为YYYY（如2024）。"));
        }
        if (upload.file() == null || !Files.isRegularFile(upload.file())) {
            return refusedUnarchived(upload, Rules.FILE_UNREADABLE, "找不到上传的文件，请重新选择文件上传。");
        }
        String key = upload.feed() + "/" + upload.period() + "/" + upload.unit();
        // Order ids are checked across periods: two periods landing at once must not both take the same id.
        String lockKey = ORDER_FEED.equals(upload.feed()) ? upload.feed() : key;
        Object lock = unitLocks.computeIfAbsent(lockKey, k -> new Object());
        synchronized (lock) {
            try {
                return land(upload, contract, unit, progress);
            } catch (IOException e) {
                throw new LandingException("landing " + key + " failed", e);
            }
        }
    }

    private BatchReport refusedUnarchived(Upload upload, String rule, String message) {
        return new BatchReport(null, upload.feed(), upload.period(), upload.unit(), BatchStatus.refused, null, 0, 0, 0,
                0, new Fatal(rule, message), List.of(), 0);
    }

    private BatchReport land(Upload upload, FeedContract contract, ReportingUnit unit, LandingProgress progress)
            throws IOException {
        Path unitDir = home.unitLanding(upload.feed(), upload.period(), upload.unit());
        Files.createDirectories(unitDir);
        long size = Files.size(upload.file());
        boolean tooLarge = size > options.maxUploadBytes();
        // The bytes are copied once into the landing zone while hashing; everything after reads the copy, so what is
        // archived, hashed and parsed is the same content even if the caller's file changes meanwhile.
        Path staged = tooLarge ? null : unitDir.resolve(".upload-" + UUID.randomUUID() + ".part");
        Copied copied;
        long started = System.nanoTime();
        try {
            copied = copyAndHash(upload.file(), staged);
            LOG.debug("copied and hashed in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            deleteQuietly(staged);
            throw e;
        }
        String sha256 = copied.sha256();
        List<Manifest> history = LandingCatalog.batchesIn(unitDir);
        Optional<Manifest> inForce = LandingCatalog.latestAccepted(history);
        if (inForce.isPresent() && inForce.get().sha256().equals(sha256)) {
            deleteQuietly(staged);
            return catalog.report(inForce.get(), BatchStatus.unchanged);
        }
        Instant received = receivedAt(history);
        String batchId = BATCH_TIME.format(received.atZone(LandingOptions.ZONE)) + "-" + sha256.substring(0, 8);
        Path tmp = unitDir.resolve(".tmp-" + batchId);
        Path target = unitDir.resolve(batchId);
        try {
            createPrivateDirectory(tmp);
            String storedFile = null;
            String sniffedFormat = null;
            if (staged != null) {
                sniffedFormat = sniffFormat(staged);
                storedFile = "original." + sniffedFormat;
                Files.move(staged, tmp.resolve(storedFile), StandardCopyOption.ATOMIC_MOVE);
            }
            BatchRun run = new BatchRun(tmp.resolve(RejectionsCsv.FILE_NAME), progress);
            SourceInfo source;
            try (run) {
                source = process(upload, contract, unit, tooLarge, storedFile == null ? null : tmp.resolve(storedFile),
                        copied.scan(), tmp, run);
            }
            boolean accepted = run.fatal == null;
            Manifest manifest = new Manifest(batchId, upload.feed(), upload.period(), upload.unit(),
                    upload.user(), accepted ? BatchStatus.accepted : BatchStatus.refused,
                    accepted ? inForce.map(Manifest::batchId).orElse(null) : null, sha256, upload.originalName(),
                    storedFile, source.format != null ? source.format : sniffedFormat, source.encoding,
                    RECEIVED_AT.format(received.atZone(LandingOptions.ZONE)), run.rowsRead, run.rowsLoaded(),
                    run.rowsQuarantined(), run.footerRows, run.warnings, run.fatal, Manifest.CONTRACT_VERSION,
                    upload.restores());
            Json.MAPPER.writeValue(tmp.resolve(Manifest.FILE_NAME).toFile(), manifest);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("landed batch {} feed={} period={} unit={} status={} read={} loaded={} quarantined={}", batchId,
                    upload.feed(), upload.period(), upload.unit(), manifest.status(), run.rowsRead, run.rowsLoaded(),
                    run.rowsQuarantined());
            return new BatchReport(batchId, upload.feed(), upload.period(), upload.unit(), manifest.status(),
                    manifest.supersedes(), run.rowsRead, run.rowsLoaded(), run.rowsQuarantined(), run.footerRows,
                    run.fatal, run.reported, run.total);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(staged);
            deleteRecursively(tmp);
            throw e;
        }
    }

    /** Format and encoding as the reader found them (null when the file could not be opened). */
    private record SourceInfo(String format, String encoding) {
    }

    /** Counters and findings of one batch; rejections stream to rejections.csv, the first 1000 stay for the report. */
    private static final class BatchRun implements AutoCloseable {
        final RejectionsCsv.Writer file;
        final List<Rejection> reported = new ArrayList<>();
        long total;
        long warnings;
        long rowsRead;
        long rowsWithError;
        long footerRows;
        long written;
        Fatal fatal;
        final LandingProgress progress;

        BatchRun(Path rejections, LandingProgress progress) throws IOException {
            file = new RejectionsCsv.Writer(rejections);
            this.progress = progress;
        }

        void add(Rejection r) {
            try {
                file.write(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (r.severity() == Severity.warning) {
                warnings++;
            }
            if (reported.size() < BatchReport.REPORTED_REJECTIONS) {
                reported.add(r);
            }
            total++;
        }

        void refuse(String rule, String message) {
            fatal = new Fatal(rule, message);
            try {
                file.write(new Rejection(null, null, null, rule, Severity.fatal, message));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A refused batch loads nothing: every data row read counts as quarantined. */
        long rowsLoaded() {
            return fatal == null ? written : 0;
        }

        long rowsQuarantined() {
            return rowsRead - rowsLoaded();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    private SourceInfo process(Upload upload, FeedContract contract, ReportingUnit unit, boolean tooLarge,
            Path stored, ByteScan scan, Path tmp, BatchRun run) throws IOException {
        if (!contract.sentBy(unit.department())) {
            run.refuse(Rules.FEED_NOT_ALLOWED, unit.departmentName() + "不报送" + contract.name() + "（" + contract.feed()
                    + "）；该数据由" + String.join("、", contract.departments().stream()
                    .map(d -> Contracts.get().departments().get(d)).toList()) + "报送。请核对所选数据类型。");
            return new SourceInfo(null, null);
        }
        if (tooLarge) {
            run.refuse(Rules.FILE_TOO_LARGE, "文件超过" + (options.maxUploadBytes() / (1024 * 1024))
                    + "MB的上限，请按区县或月份拆分后分别上传。");
            return new SourceInfo(null, null);
        }
        RegionRegistry registry = RegionRegistry.empty();
        boolean needsRegistry = contract.columns().stream().anyMatch(c -> c.type() == ColumnType.REGION_CODE);
        Set<String> regionCodesInFile = Set.of();
        if (needsRegistry || "region".equals(contract.feed())) {
            registry = regionRegistry();
        }
        if ("region".equals(contract.feed())) {
            regionCodesInFile = regionCodesIn(stored, scan, contract);
        }
        if (needsRegistry && registry.isEmpty()) {
            run.refuse(Rules.REGION_UNKNOWN, "区划代码库为空：请先由统计局报送统计用区划代码（region），再报送"
                    + contract.name() + "。");
            return new SourceInfo(null, null);
        }
        RowSource source;
        long opening = System.nanoTime();
        try {
            source = RowSources.open(stored, options.maxUploadBytes(), scan);
            LOG.debug("opened in {} ms", (System.nanoTime() - opening) / 1_000_000);
        } catch (FileRefusedException e) {
            run.refuse(e.rule(), e.getMessage());
            return new SourceInfo(null, null);
        }
        SourceInfo info = new SourceInfo(source.format().name().toLowerCase(java.util.Locale.ROOT), source.encoding());
        LocalDate today = LocalDate.now(options.clock().withZone(LandingOptions.ZONE));
        RegionRegistry knownRegions = registry;
        Set<String> fileRegions = regionCodesInFile;
        CrossChecks cross = crossChecks(contract, upload.period());
        RowValidator[] validator = new RowValidator[1];
        HeaderMatcher matcher = new HeaderMatcher(contract);
        int idColumn = contract.columns().indexOf(contract.column("id_number").orElse(null));
        boolean personScope = idColumn >= 0 && !hasRegionColumn(contract) && unit.scopePrefix().length() > CITY_PREFIX;
        try (source; ValidatingReader rows = new ValidatingReader(source, matcher, layout -> {
            validator[0] = new RowValidator(contract, layout.cellOfColumn(), unit, upload.period(), knownRegions,
                    fileRegions, today, cross);
            return validator[0];
        })) {
            ValidatingReader.HeaderOutcome header = rows.header();
            if (!header.found()) {
                run.refuse(Rules.HEADER_MISSING, matcher.missingMessage(header.closest()));
                return info;
            }
            header.layout().extraColumns().forEach(run::add);
            if (ORDER_FEED.equals(contract.feed()) && cross.facilityCodes() == null) {
                run.add(new Rejection(null, "provider_code", null, Rules.UNKNOWN_PROVIDER, Severity.warning,
                        "养老服务设施名录为空（民政局尚未报送养老服务设施 facility），本批次未核对「服务机构代码」；"
                                + "设施名录报送后，之后的批次将逐行核对。"));
            }
            try (AcceptedRowsWriter writer = new AcceptedRowsWriter(contract.columns(), tmp);
                    PersonScopeCheck scope = personScope ? new PersonScopeCheck(tmp) : null) {
                List<ValidatingReader.CheckedRow> chunk;
                while ((chunk = rows.nextChunk()) != null) {
                    validator[0].prefetchKeys(chunk);
                    for (ValidatingReader.CheckedRow row : chunk) {
                        run.rowsRead++;
                        if (row.findings() != null) {
                            row.findings().forEach(run::add);
                        }
                        boolean duplicate = validator[0].duplicateKey(row.rowNumber(), row.values(), run::add);
                        boolean loaded = row.loadable() && !duplicate;
                        if (loaded) {
                            writer.write(row.rowNumber(), row.values());
                            run.written++;
                        } else {
                            run.rowsWithError++;
                        }
                        if (scope != null && row.values()[idColumn] instanceof cn.yinling.warehouse.parse.IdNumber id) {
                            scope.record(row.rowNumber(), id, loaded);
                        }
                    }
                    run.progress.rowsChecked(run.rowsRead);
                }
                run.footerRows = rows.footerRows();
                LOG.debug("read and checked {} rows in {} ms", run.rowsRead, (System.nanoTime() - opening) / 1_000_000);
                List<Integer> excluded = new ArrayList<>();
                if (scope != null) {
                    for (PersonScopeCheck.Hit hit : scope.outOfScope(householdSnapshotInForce(upload.period()),
                            unit.scopePrefix())) {
                        run.add(new Rejection(hit.line(), "id_number", null, Rules.OUT_OF_SCOPE, Severity.error,
                                "「公民身份号码」对应人员的户籍地（区划代码" + hit.region() + "）不在本单位的管辖范围（"
                                        + unit.scope() + "）内，请删除该行，由户籍地所属单位报送。"));
                        if (hit.loaded()) {
                            excluded.add(hit.line());
                            run.written--;
                            run.rowsWithError++;
                        }
                    }
                }
                // The checking thread has finished (its end marker came through the queue): its counters are visible.
                if (validator[0].rowsInPeriod() == 0 && validator[0].rowsOutOfPeriod() > 0) {
                    run.refuse(Rules.OUT_OF_PERIOD, "文件中的数据期间与所选报送期间不一致：所选期间为" + upload.period()
                            + "，文件中没有一行的日期在该期间内。请核对所选报送期间或文件。");
                } else if (run.rowsWithError > options.rejectThreshold() * run.rowsRead) {
                    run.refuse(Rules.REJECT_THRESHOLD, "有错误的行" + run.rowsWithError + "行，占数据行" + run.rowsRead
                            + "行的" + percent(run.rowsWithError, run.rowsRead) + "，超过"
                            + percent(options.rejectThreshold()) + "的上限，整个文件未入库。请按问题清单更正后重新上传。");
                }
                if (run.fatal == null) {
                    long writing = System.nanoTime();
                    writer.finishTo(tmp.resolve(ACCEPTED_FILE), excluded);
                    LOG.debug("wrote accepted.parquet in {} ms", (System.nanoTime() - writing) / 1_000_000);
                } else {
                    writer.discard();
                }
            }
        } catch (UnreadableFileException e) {
            // The reader failed in the middle of the file: a corrupt or truncated upload.
            LOG.warn("file of {} {} {} unreadable: {}", upload.feed(), upload.period(), upload.unit(),
                    e.getCause() == null ? "" : e.getCause().getClass().getSimpleName());
            if (run.fatal == null) {
                run.refuse(Rules.FILE_UNREADABLE, "文件读取失败（文件可能已损坏或不完整），请重新导出后上传。");
            }
            Files.deleteIfExists(tmp.resolve(ACCEPTED_FILE));
        }
        return info;
    }

    /** Significant digits of a city-wide scope (320300 → 3203): a unit with more digits covers one district. */
    private static final int CITY_PREFIX = 4;

    private static boolean hasRegionColumn(FeedContract contract) {
        return contract.columns().stream().anyMatch(c -> c.type() == ColumnType.REGION_CODE);
    }

    /**
     * The rows of other batches the row checks of this feed need: for service orders, the ids already loaded for other
     * periods (a correction of the same period re-sends its own ids, which is no reuse) and the facility registry.
     */
    private CrossChecks crossChecks(FeedContract contract, String period) {
        if (!ORDER_FEED.equals(contract.feed())) {
            return CrossChecks.NONE;
        }
        List<Manifest> facilities = catalog.inForce("facility");
        java.util.Map<String, String> periodOfFile = new java.util.HashMap<>();
        for (Manifest m : catalog.inForce(ORDER_FEED)) {
            if (!m.period().equals(period)) {
                catalog.acceptedParquet(m).ifPresent(p -> periodOfFile.put(p.toString(), m.period()));
            }
        }
        List<String> facilityFiles = new ArrayList<>();
        for (Manifest m : facilities) {
            catalog.acceptedParquet(m).ifPresent(p -> facilityFiles.add(p.toString()));
        }
        OrderIdIndex orders = new OrderIdIndex();
        Set<String> codes = null;
        if (periodOfFile.isEmpty() && facilityFiles.isEmpty()) {
            return new CrossChecks(orders, null);
        }
        try (Handle handle = DuckDb.open()) {
            LandingSql sql = handle.attach(LandingSql.class);
            sql.settings(SqlLiterals.quote(home.root().resolve(".duckdb-tmp").toString()), SqlLiterals.quote("512MB"));
            if (!periodOfFile.isEmpty()) {
                sql.orderIds(String.join("\n", periodOfFile.keySet().stream().sorted().toList()))
                        .forEach(r -> orders.add(r.orderId(), periodOfFile.get(r.filename())));
            }
            if (!facilityFiles.isEmpty()) {
                codes = new HashSet<>(sql.facilityCodes(String.join("\n", facilityFiles)));
            }
        }
        return new CrossChecks(orders, codes);
    }

    /**
     * The accepted.parquet files of the household snapshot in force for a period: the batches in force of the latest
     * household period at or before it (for an annual period, at or before its December), else of the latest period.
     */
    private List<Path> householdSnapshotInForce(String period) {
        String upTo = period.length() == 4 ? period + "-12" : period;
        List<Manifest> batches = catalog.inForce("household");
        String chosen = batches.stream().map(Manifest::period).filter(p -> p.compareTo(upTo) <= 0)
                .max(Comparator.naturalOrder())
                .orElse(batches.stream().map(Manifest::period).max(Comparator.naturalOrder()).orElse(null));
        List<Path> files = new ArrayList<>();
        for (Manifest m : batches) {
            if (m.period().equals(chosen)) {
                catalog.acceptedParquet(m).ifPresent(files::add);
            }
        }
        return files;
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0%" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.0f%%", share * 100);
    }

    /**
     * Region feed only: the codes the file lists, so a parent that appears after its children is still found. Region
     * files are small (a city has a few thousand codes), so a first pass over them is cheap.
     */
    private Set<String> regionCodesIn(Path stored, ByteScan scan, FeedContract contract) throws IOException {
        Set<String> codes = new HashSet<>();
        if (stored == null) {
            return codes;
        }
        HeaderMatcher matcher = new HeaderMatcher(contract);
        int codeColumn = contract.columns().indexOf(contract.column("code").orElseThrow());
        try (RowSource source = RowSources.open(stored, options.maxUploadBytes(), scan)) {
            RawRow row;
            int[] cellOfColumn = null;
            int seen = 0;
            while ((row = source.next()) != null) {
                if (cellOfColumn == null) {
                    if (!ValidatingReader.isBlank(row) && seen++ < ValidatingReader.HEADER_SEARCH_ROWS
                            && matcher.isHeader(row)) {
                        cellOfColumn = matcher.layout(row).cellOfColumn();
                    }
                    continue;
                }
                String raw = row.cell(cellOfColumn[codeColumn]);
                String code = raw == null ? null : cn.yinling.warehouse.parse.Values.clean(raw);
                if (code != null && RegionCodes.wellFormed(code)) {
                    codes.add(RegionCodes.pad(code));
                }
            }
        } catch (FileRefusedException | IOException | RuntimeException e) {
            // The main pass meets the same problem and reports it.
        }
        return codes;
    }

    /** The region codes of the region batches in force, read from their accepted.parquet with DuckDB. */
    RegionRegistry regionRegistry() {
        List<Manifest> batches = catalog.inForce("region");
        List<String> ids = batches.stream().map(Manifest::batchId).sorted().toList();
        CachedRegistry cached = cachedRegistry;
        if (cached != null && cached.batchIds().equals(ids)) {
            return cached.registry();
        }
        List<String> files = new ArrayList<>();
        for (Manifest m : batches) {
            catalog.acceptedParquet(m).ifPresent(p -> files.add(p.toString()));
        }
        RegionRegistry registry;
        if (files.isEmpty()) {
            registry = RegionRegistry.empty();
        } else {
            java.util.Map<String, Integer> levels = new java.util.HashMap<>();
            try (Handle handle = DuckDb.open()) {
                LandingSql sql = handle.attach(LandingSql.class);
                Path spill = home.root().resolve(".duckdb-tmp");
                sql.settings(SqlLiterals.quote(spill.toString()), SqlLiterals.quote("512MB"));
                for (LandingSql.RegionRow r : sql.regionCodes(String.join("\n", files))) {
                    levels.merge(r.code(), r.level(), Math::max);
                }
            }
            registry = new RegionRegistry(levels);
        }
        cachedRegistry = new CachedRegistry(ids, registry);
        return registry;
    }

    /**
     * The batch's time: now, but always later than every batch already in the folder, so that sorting ids sorts them
     * in time and a correction always takes over from what it corrects, even within one millisecond.
     */
    private Instant receivedAt(List<Manifest> history) {
        Instant now = options.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Optional<String> latest = history.stream().map(Manifest::batchId).max(Comparator.naturalOrder());
        if (latest.isPresent()) {
            Instant last = LocalDateTime.parse(latest.get().substring(0, 18), BATCH_TIME)
                    .atZone(LandingOptions.ZONE).toInstant();
            if (!now.isAfter(last)) {
                now = last.plusMillis(1);
            }
        }
        return now;
    }

    /** The upload's SHA-256 and, when it was copied, the scan of its bytes the CSV reader needs to pick the encoding. */
    private record Copied(String sha256, ByteScan scan) {
    }

    private static final int COPY_BUFFER = 4 << 20;

    /**
     * Copies the upload into the landing zone (unless {@code target} is null), then hashes the stored copy and scans
     * its bytes for the encoding check, reading it once for both: the hash is of exactly what was archived. The copy
     * is left to the kernel ({@code FileChannel.transferTo}: 0.3 s for a 780 MB household file here, against about
     * 1.5 s through Java buffers); the hash and the scan of each piece run on two helper threads, in file order, while
     * this one reads the next piece.
     */
    private static Copied copyAndHash(Path source, Path target) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (target == null) {
            try (InputStream in = new DigestInputStream(Files.newInputStream(source), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return new Copied(HexFormat.of().formatHex(digest.digest()), null);
        }
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            long size = in.size();
            for (long done = 0; done < size; ) {
                long n = in.transferTo(done, size - done, out);
                if (n <= 0) {
                    break; // the file was cut short while being copied: the hash below is of what was stored
                }
                done += n;
            }
        }
        ByteScan scan = new ByteScan();
        ExecutorService scanner = helperThread("landing-scan");
        ExecutorService hasher = helperThread("landing-hash");
        // Each executor has one thread, so the pieces are scanned and hashed in file order. A buffer is read into again
        // only once its scan and hash from BUFFERS pieces ago have finished.
        byte[][] buffers = new byte[BUFFERS][COPY_BUFFER];
        Future<?>[] scans = new Future<?>[BUFFERS];
        Future<?>[] hashes = new Future<?>[BUFFERS];
        try (InputStream in = Files.newInputStream(target)) {
            for (int k = 0; ; k = (k + 1) % BUFFERS) {
                await(scans[k]);
                await(hashes[k]);
                byte[] buf = buffers[k];
                int n = in.readNBytes(buf, 0, buf.length);
                if (n <= 0) {
                    break;
                }
                scans[k] = scanner.submit(() -> scan.update(buf, 0, n));
                hashes[k] = hasher.submit(() -> digest.update(buf, 0, n));
            }
            for (int k = 0; k < BUFFERS; k++) {
                await(scans[k]);
                await(hashes[k]);
            }
        } finally {
            scanner.shutdownNow();
            hasher.shutdownNow();
        }
        return new Copied(HexFormat.of().formatHex(digest.digest()), scan);
    }

    private static final int BUFFERS = 3;

    private static ExecutorService helperThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private static void await(Future<?> task) throws IOException {
        if (task == null) {
            return;
        }
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while copying the upload");
        } catch (ExecutionException e) {
            throw new IllegalStateException("scanning or hashing the upload failed", e.getCause());
        }
    }

    /** The stored file's extension by content: xlsx for a zip, xls for an OLE2 container, csv for text, bin otherwise. */
    private static String sniffFormat(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return "xlsx";
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11
                && (head[3] & 0xff) == 0xE0) {
            return "xls";
        }
        for (byte b : head) {
            if (b == 0) {
                return "bin";
            }
        }
        return "csv";
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(dir);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete {}", file);
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(Landing::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("could not delete {}", dir);
        }
    }

    static ZonedDateTime batchTime(String batchId) {
        return LocalDateTime.parse(batchId.substring(0, 18), BATCH_TIME).atZone(LandingOptions.ZONE);
    }
}

package cn.yinling.warehouse.land;

import cn.yinling.warehouse.store.AgingHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What has landed: the manifests under {@code $AGING_HOME/landing/<feed>/<period>/<unit-dir>/<batch-id>/}, and which
 * batch is in force for each (feed, period, unit): the accepted batch with the greatest id. Folders whose names start
 * with {@code .} or {@code _} (batches being written) are ignored.
 */
public final class LandingCatalog {

    private static final Pattern BATCH_ID = Pattern.compile("\\d{8}T\\d{9}-[0-9a-f]{8}");

    private final AgingHome home;

    public LandingCatalog(AgingHome home) {
        this.home = home;
    }

    /** Every landed batch (accepted and refused), ordered by feed, period, unit and batch id. */
    public List<Manifest> manifests() {
        List<Manifest> all = new ArrayList<>();
        for (Path feed : children(home.landing())) {
            all.addAll(manifests(feed.getFileName().toString()));
        }
        return all;
    }

    /** Every landed batch of one feed, ordered by period, unit and batch id. */
    public List<Manifest> manifests(String feed) {
        List<Manifest> all = new ArrayList<>();
        for (Path period : children(home.landing().resolve(feed))) {
            for (Path unit : children(period)) {
                all.addAll(batchesIn(unit));
            }
        }
        return all;
    }

    /** One unit's batches of one feed and period, oldest first. */
    public List<Manifest> manifests(String feed, String period, String unit) {
        return batchesIn(home.unitLanding(feed, period, unit));
    }

    /** The batch in force for (feed, period, unit): the accepted batch with the greatest id. */
    public Optional<Manifest> inForce(String feed, String period, String unit) {
        return latestAccepted(manifests(feed, period, unit));
    }

    /** The batches in force of one feed, one per (period, unit). */
    public List<Manifest> inForce(String feed) {
        Map<String, Manifest> latest = new LinkedHashMap<>();
        for (Manifest m : manifests(feed)) {
            if (m.accepted()) {
                latest.merge(m.period() + "\u0001" + m.unit(), m,
                        (a, b) -> a.batchId().compareTo(b.batchId()) >= 0 ? a : b);
            }
        }
        return List.copyOf(latest.values());
    }

    /** The batches in force of every feed, one per (feed, period, unit). */
    public List<Manifest> inForce() {
        List<Manifest> all = new ArrayList<>();
        for (Path feed : children(home.landing())) {
            all.addAll(inForce(feed.getFileName().toString()));
        }
        return all;
    }

    /** A batch by its id. */
    public Optional<Manifest> find(String batchId) {
        if (batchId == null || !BATCH_ID.matcher(batchId).matches()) {
            return Optional.empty();
        }
        for (Path feed : children(home.landing())) {
            for (Path period : children(feed)) {
                for (Path unit : children(period)) {
                    Path manifest = unit.resolve(batchId).resolve(Manifest.FILE_NAME);
                    if (Files.isRegularFile(manifest)) {
                        return Optional.of(readManifest(manifest));
                    }
                }
            }
        }
        return Optional.empty();
    }

    public Path batchDirectory(Manifest m) {
        return home.unitLanding(m.feed(), m.period(), m.unit()).resolve(m.batchId());
    }

    /** accepted.parquet of an accepted batch; empty for a refused one. */
    public Optional<Path> acceptedParquet(Manifest m) {
        Path p = batchDirectory(m).resolve(Landing.ACCEPTED_FILE);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** The file as the unit sent it; empty when it was not kept (over the size limit). */
    public Optional<Path> originalFile(Manifest m) {
        if (m.storedFile() == null) {
            return Optional.empty();
        }
        Path p = batchDirectory(m).resolve(m.storedFile());
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** Every rejection and warning of a batch, streamed from its rejections.csv. */
    public void rejections(Manifest m, Consumer<Rejection> sink) {
        Path file = batchDirectory(m).resolve(RejectionsCsv.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            RejectionsCsv.read(file, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The batch report of a landed batch, rebuilt from its manifest and rejections.csv. */
    public BatchReport report(Manifest m) {
        return report(m, m.status());
    }

    BatchReport report(Manifest m, BatchStatus status) {
        List<Rejection> first = new ArrayList<>();
        long[] total = {0};
        rejections(m, r -> {
            // The fatal finding is repeated in rejections.csv for whoever opens the file; the report has it in "fatal".
            if (r.severity() == Severity.fatal) {
                return;
            }
            if (first.size() < BatchReport.REPORTED_REJECTIONS) {
                first.add(r);
            }
            total[0]++;
        });
        return new BatchReport(m.batchId(), m.feed(), m.period(), m.unit(), status, m.supersedes(), m.rowsRead(),
                m.rowsLoaded(), m.rowsQuarantined(), m.footerRows(), m.fatal(), first, total[0]);
    }

    static Optional<Manifest> latestAccepted(List<Manifest> batches) {
        return batches.stream().filter(Manifest::accepted).max(Comparator.comparing(Manifest::batchId));
    }

    /** The batches in one unit folder, oldest first. */
    static List<Manifest> batchesIn(Path unitFolder) {
        List<Manifest> batches = new ArrayList<>();
        for (Path batch : children(unitFolder)) {
            Path manifest = batch.resolve(Manifest.FILE_NAME);
            if (Files.isRegularFile(manifest)) {
                batches.add(readManifest(manifest));
            }
        }
        batches.sort(Comparator.comparing(Manifest::batchId));
        return batches;
    }

    static Manifest readManifest(Path file) {
        try {
            return Json.MAPPER.readValue(file.toFile(), Manifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable manifest " + file, e);
        }
    }

    /** Sub-folders, sorted by name, without the hidden ones (. and _ prefixes). */
    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".") && !name.startsWith("_") && Files.isDirectory(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }
}

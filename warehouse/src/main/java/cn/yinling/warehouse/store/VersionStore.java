package cn.yinling.warehouse.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The published versions of the warehouse ($AGING_HOME/warehouse): numbered folders {@code versions/<n>} and the
 * {@code CURRENT} pointer naming the live one. A run builds its output in a staging folder whose name starts with
 * a dot (readers ignore it), then {@link #publish} renames it into place and switches {@code CURRENT} by an atomic
 * file move, so a reader sees either the old version or the new one, never half of one.
 */
public final class VersionStore {

    /** A staging folder reserved for the version a run intends to publish. */
    public record Staging(int version, Path dir) {
    }

    public static final int DEFAULT_KEEP = 5;
    private static final String STAGING_PREFIX = ".tmp-";

    private final Path warehouse;
    private final Path versions;
    private final Path current;

    public VersionStore(Path warehouseDir) {
        this.warehouse = warehouseDir;
        this.versions = warehouseDir.resolve("versions");
        this.current = warehouseDir.resolve("CURRENT");
    }

    public VersionStore(AgingHome home) {
        this(home.warehouse());
    }

    public Path versionsDir() {
        return versions;
    }

    /** The live version number, empty when nothing has been published yet (or CURRENT names a missing folder). */
    public OptionalInt current() {
        try {
            String text = Files.readString(current, StandardCharsets.UTF_8).trim();
            int version = Integer.parseInt(text);
            return Files.isDirectory(dir(version)) ? OptionalInt.of(version) : OptionalInt.empty();
        } catch (NoSuchFileException e) {
            return OptionalInt.empty();
        } catch (NumberFormatException e) {
            throw new IllegalStateException(current + " 内容不是版本号 / does not hold a version number", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + current, e);
        }
    }

    /** Folder of the live version, empty when none is published. */
    public Optional<Path> currentDir() {
        OptionalInt version = current();
        return version.isPresent() ? Optional.of(dir(version.getAsInt())) : Optional.empty();
    }

    /** Folder of version {@code n} (which may not exist). */
    public Path dir(int version) {
        return versions.resolve(Integer.toString(version));
    }

    /** The published version numbers, ascending. Staging folders are not versions. */
    public List<Integer> versions() {
        if (!Files.isDirectory(versions)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(versions)) {
            return entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("\\d{1,9}"))
                    .map(Integer::valueOf)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + versions, e);
        }
    }

    /** Reserves the next version number and creates an empty staging folder {@code versions/.tmp-<n>-<random>}. */
    public Staging begin() {
        int next = Math.max(versions().stream().mapToInt(Integer::intValue).max().orElse(0),
                current().orElse(0)) + 1;
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        Path dir = versions.resolve(STAGING_PREFIX + next + "-" + HexFormat.of().formatHex(random));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return new Staging(next, dir);
    }

    /**
     * Makes the staged version live: renames the staging folder to {@code versions/<n>} and then points CURRENT
     * at it, both by atomic moves. Fails, leaving the previous version live, when another run already took n.
     */
    public void publish(Staging staging) {
        Path target = dir(staging.version());
        // POSIX rename silently replaces an empty directory, so check first; a racing run makes the move fail
        if (Files.exists(target)) {
            throw taken(staging, null);
        }
        try {
            Files.move(staging.dir(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (Files.exists(target)) {
                throw taken(staging, e);
            }
            throw new UncheckedIOException("cannot rename " + staging.dir() + " to " + target, e);
        }
        writeCurrent(staging.version());
    }

    private static IllegalStateException taken(Staging staging, IOException cause) {
        return new IllegalStateException("版本 " + staging.version() + " 已被另一次运行发布，请重新运行 ETL / version "
                + staging.version() + " was published by another run; run the ETL again", cause);
    }

    /** Points CURRENT at an existing version (publish and rollback): temp file in the same folder, then atomic move. */
    public void writeCurrent(int version) {
        if (!Files.isDirectory(dir(version))) {
            throw new IllegalArgumentException("版本不存在 / no such version: " + version);
        }
        try {
            Files.createDirectories(warehouse);
            Path tmp = Files.createTempFile(warehouse, ".CURRENT", ".tmp");
            try {
                Files.writeString(tmp, version + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IllegalStateException("file system cannot switch CURRENT atomically: " + warehouse, e);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + current, e);
        }
    }

    /** Deletes a staging folder that will not be published. */
    public void discard(Staging staging) {
        deleteTree(staging.dir());
    }

    /**
     * Keeps the newest {@code keep} versions and always the live one; deletes the older ones. Returns the deleted
     * version numbers.
     */
    public List<Integer> prune(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1");
        }
        List<Integer> all = versions();
        int live = current().orElse(-1);
        List<Integer> deleted = new ArrayList<>();
        for (int i = 0; i < all.size() - keep; i++) {
            int version = all.get(i);
            if (version != live) {
                deleteTree(dir(version));
                deleted.add(version);
            }
        }
        return deleted;
    }

    /** Removes staging folders of runs that died (killed, crashed) and are older than {@code age}. */
    public List<Path> removeAbandonedStaging(Duration age) {
        if (!Files.isDirectory(versions)) {
            return List.of();
        }
        Instant cutoff = Instant.now().minus(age);
        List<Path> removed = new ArrayList<>();
        try (Stream<Path> entries = Files.list(versions)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
                    deleteTree(p);
                    removed.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + versions, e);
        }
        return removed;
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}

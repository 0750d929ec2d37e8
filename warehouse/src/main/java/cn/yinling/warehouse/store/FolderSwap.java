package cn.yinling.warehouse.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Replaces a folder that readers use by name (the PII vault's {@code vault/person}) in one atomic step. A directory
 * cannot be renamed over a non-empty one, so the name is a symbolic link to a hidden sibling folder
 * ({@code .person-<random>}); a new link is made beside it and renamed over the old link, which POSIX does
 * atomically. Readers following the name see the old content or the new one, never a mix.
 */
public final class FolderSwap {

    private FolderSwap() {
    }

    /** A fresh hidden sibling folder of {@code name} to write the new content into. */
    public static Path stagingFor(Path name) {
        return name.resolveSibling("." + name.getFileName() + "-" + randomHex());
    }

    private static String randomHex() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Makes {@code name} show {@code staged} (a sibling made by {@link #stagingFor}) and deletes what it showed. */
    public static void replace(Path name, Path staged) {
        try {
            Path parent = name.toAbsolutePath().getParent();
            Path link = name.resolveSibling(".link-" + name.getFileName() + "-" + randomHex());
            Files.createSymbolicLink(link, staged.getFileName());
            if (Files.isDirectory(name) && !Files.isSymbolicLink(name)) {
                // A real folder from an older layout: move it aside first (the one non-atomic moment, once).
                Path aside = stagingFor(name);
                Files.move(name, aside, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(link, name, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            removeStale(parent, name.getFileName().toString(), staged.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot switch " + name + " to " + staged, e);
        }
    }

    private static void removeStale(Path parent, String name, String keep) throws IOException {
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path p : siblings.toList()) {
                String file = p.getFileName().toString();
                boolean ours = file.startsWith("." + name + "-") || file.startsWith(".link-" + name + "-");
                if (ours && !file.equals(keep)) {
                    if (Files.isSymbolicLink(p)) {
                        Files.delete(p);
                    } else {
                        VersionStore.deleteTree(p);
                    }
                }
            }
        }
    }
}

package cn.yinling.warehouse.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/** The data root ($AGING_HOME, default ./data) and where each part of it lives (docs/design.md). */
public record AgingHome(Path root) {

    public static AgingHome fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static AgingHome fromEnvironment(Map<String, String> env) {
        String home = env.getOrDefault("AGING_HOME", "");
        return new AgingHome(Path.of(home.isBlank() ? "data" : home).toAbsolutePath().normalize());
    }

    public Path landing() {
        return root.resolve("landing");
    }

    public Path warehouse() {
        return root.resolve("warehouse");
    }

    public Path versions() {
        return warehouse().resolve("versions");
    }

    public Path currentPointer() {
        return warehouse().resolve("CURRENT");
    }

    public Path vault() {
        return root.resolve("vault");
    }

    /** Scratch space of a running job (Spark's spill and shuffle files); nothing in it outlives the job. */
    public Path scratch() {
        return root.resolve("tmp");
    }

    public Path config() {
        return root.resolve("config");
    }

    /** Landing folder of one unit's batches: the colon of the unit becomes '-' because Hadoop paths forbid ':'. */
    public Path unitLanding(String feed, String period, String unit) {
        return landing().resolve(feed).resolve(period).resolve(unit.replace(':', '-'));
    }

    /**
     * The person_key secret: AGING_SECRET when set, otherwise one generated once and kept in $AGING_HOME/secret,
     * readable by the owner only.
     */
    public byte[] secret(Map<String, String> env) {
        String fromEnv = env.get("AGING_SECRET");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.getBytes(StandardCharsets.UTF_8);
        }
        Path file = root.resolve("secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(root);
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path tmp = Files.createTempFile(root, ".secret", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, HexFormat.of().formatHex(random));
                try {
                    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    Files.deleteIfExists(tmp);
                }
            }
            return Files.readString(file).trim().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}

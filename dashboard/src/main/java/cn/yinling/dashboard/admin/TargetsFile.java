package cn.yinling.dashboard.admin;

import cn.yinling.warehouse.kpi.KpiCatalog;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** $AGING_HOME/config/targets.properties as KpiCatalog.withTargets reads it; written whole and atomically. */
final class TargetsFile {

    private static final Pattern TARGET = Pattern.compile("(>=|<=|=)?\\s*-?\\d+(\\.\\d+)?");

    private TargetsFile() {
    }

    static Map<String, String> read(Path file) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).trim()));
        return out;
    }

    static void write(Path file, Map<String, String> targets, KpiCatalog catalog) {
        StringBuilder text = new StringBuilder("# 城市自定指标目标值（管理员页面维护）；未列出的指标沿用默认目标\n");
        for (Map.Entry<String, String> e : new TreeMap<>(targets).entrySet()) {
            if (catalog.find(e.getKey()).isEmpty()) {
                throw new IllegalArgumentException("指标代码不存在：" + e.getKey());
            }
            if (!TARGET.matcher(e.getValue()).matches()) {
                throw new IllegalArgumentException("指标 " + e.getKey() + " 的目标值应为数字，可带 >=、<= 或 =，如 >=60，实际为："
                        + e.getValue());
            }
            text.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".targets", ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

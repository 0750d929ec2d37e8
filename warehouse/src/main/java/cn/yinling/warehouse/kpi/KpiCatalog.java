package cn.yinling.warehouse.kpi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The KPI catalog (catalog.json) with the city's own targets applied. Targets live in one file a city edits,
 * $AGING_HOME/config/targets.properties ({@code nursing_bed_share=60}, or {@code pension_coverage=>=90}); a KPI
 * not named there keeps the default of spec/kpis.md.
 */
public final class KpiCatalog {

    private record Document(Map<String, String> groups, List<KpiDefinition> kpis) {
    }

    private final Map<String, String> groups;
    private final Map<String, KpiDefinition> kpis;

    private KpiCatalog(Map<String, String> groups, Map<String, KpiDefinition> kpis) {
        this.groups = groups;
        this.kpis = kpis;
    }

    /** The catalog with default targets only. */
    public static KpiCatalog defaults() {
        try (InputStream in = KpiCatalog.class.getResourceAsStream("catalog.json")) {
            Document document = new ObjectMapper().readValue(in, Document.class);
            Map<String, KpiDefinition> byCode = new LinkedHashMap<>();
            document.kpis().forEach(k -> byCode.put(k.code(), k));
            return new KpiCatalog(new LinkedHashMap<>(document.groups()), byCode);
        } catch (IOException e) {
            throw new UncheckedIOException("catalog.json is missing or malformed", e);
        }
    }

    /** The catalog with the targets of {@code targetsFile} applied, when that file exists. */
    public static KpiCatalog withTargets(Path targetsFile) {
        KpiCatalog catalog = defaults();
        if (!Files.exists(targetsFile)) {
            return catalog;
        }
        Properties overrides = new Properties();
        try (Reader reader = Files.newBufferedReader(targetsFile, StandardCharsets.UTF_8)) {
            overrides.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + targetsFile, e);
        }
        Map<String, KpiDefinition> result = new LinkedHashMap<>(catalog.kpis);
        for (String code : overrides.stringPropertyNames()) {
            KpiDefinition kpi = result.get(code);
            if (kpi == null) {
                throw new IllegalArgumentException(targetsFile + " 中的指标代码不存在：" + code);
            }
            result.put(code, withTarget(kpi, parseTarget(kpi, overrides.getProperty(code).trim())));
        }
        return new KpiCatalog(catalog.groups, result);
    }

    private static Target parseTarget(KpiDefinition kpi, String text) {
        if (text.isEmpty()) {
            return null;
        }
        for (String op : List.of(">=", "<=", "=")) {
            if (text.startsWith(op)) {
                return new Target(op, Double.parseDouble(text.substring(op.length()).trim()));
            }
        }
        String defaultOp = kpi.direction() == KpiDefinition.Direction.lower_better ? "<=" : ">=";
        return new Target(defaultOp, Double.parseDouble(text));
    }

    private static KpiDefinition withTarget(KpiDefinition k, Target target) {
        return new KpiDefinition(k.code(), k.name(), k.group(), k.unit(), k.direction(), k.scale(), k.ratio(), k.sources(),
                k.formula(), target, k.breakdown(), k.levels());
    }

    public Optional<KpiDefinition> find(String code) {
        return Optional.ofNullable(kpis.get(code));
    }

    public KpiDefinition get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("未知指标代码：" + code));
    }

    public List<KpiDefinition> all() {
        return List.copyOf(kpis.values());
    }

    /** Group code → Chinese name (人口概况 …), in page order. */
    public Map<String, String> groups() {
        return groups;
    }
}

package cn.yinling.dashboard.cli;

import cn.yinling.warehouse.kpi.KpiDefinition;
import cn.yinling.warehouse.serve.KpiRow;
import cn.yinling.warehouse.serve.RegionLevel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The three output formats of {@code aging kpi}; the csv columns are those of spec/cli.md. */
final class KpiOutput {

    static final List<String> CSV_COLUMNS = List.of("kpi_code", "kpi_name", "region_code", "region_name",
            "region_level", "month", "value", "numerator", "denominator", "unit", "target");

    private KpiOutput() {
    }

    static String csv(List<KpiRow> rows, Function<KpiRow, KpiDefinition> definitions) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (KpiRow row : rows) {
            List<String> cells = cells(row, definitions.apply(row)).values().stream().map(KpiOutput::csvCell).toList();
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }

    static String json(List<KpiRow> rows, Function<KpiRow, KpiDefinition> definitions) {
        List<Map<String, Object>> objects = rows.stream().map(row -> {
            KpiDefinition kpi = definitions.apply(row);
            Map<String, Object> object = new LinkedHashMap<>(cells(row, kpi));
            object.put("value", rounded(row.value(), kpi));
            object.put("numerator", row.numerator());
            object.put("denominator", row.denominator());
            object.put("target", row.target());
            object.put("breakdown", row.breakdown());
            return object;
        }).toList();
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(objects) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String table(List<KpiRow> rows, Function<KpiRow, KpiDefinition> definitions) {
        if (rows.isEmpty()) {
            return "没有符合条件的指标数据。\n";
        }
        TextTable table = TextTable.of("月份", "区划代码", "区划名称", "指标", "值>", "目标>");
        for (KpiRow row : rows) {
            KpiDefinition kpi = definitions.apply(row);
            Map<String, String> cells = cells(row, kpi);
            String value = cells.get("value").isEmpty() ? "—" : cells.get("value") + " " + kpi.unit();
            table.row(row.month(), row.regionCode(), row.regionName(), cells.get("kpi_name"), value, cells.get("target"));
        }
        return table.render();
    }

    private static Map<String, String> cells(KpiRow row, KpiDefinition kpi) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("kpi_code", row.kpiCode());
        String name = row.breakdown() == null ? kpi.name() : kpi.name() + "(" + kpi.breakdownLabel(row.breakdown()) + ")";
        cells.put("kpi_name", name);
        cells.put("region_code", row.regionCode());
        cells.put("region_name", row.regionName());
        cells.put("region_level", RegionLevel.ofCode(row.regionLevel()).name());
        cells.put("month", row.month());
        BigDecimal value = rounded(row.value(), kpi);
        cells.put("value", value == null ? "" : value.toPlainString());
        cells.put("numerator", plain(row.numerator()));
        cells.put("denominator", plain(row.denominator()));
        cells.put("unit", kpi.unit());
        cells.put("target", plain(row.target()));
        return cells;
    }

    /** Ratios to two decimals (21.37); counts and sums as they are. */
    private static BigDecimal rounded(Double value, KpiDefinition kpi) {
        if (value == null) {
            return null;
        }
        BigDecimal exact = BigDecimal.valueOf(value);
        return kpi.ratio() ? exact.setScale(2, RoundingMode.HALF_UP) : strip(exact.setScale(2, RoundingMode.HALF_UP));
    }

    private static String plain(Double number) {
        return number == null ? "" : strip(BigDecimal.valueOf(number).setScale(2, RoundingMode.HALF_UP)).toPlainString();
    }

    private static BigDecimal strip(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String csvCell(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}

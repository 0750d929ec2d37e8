package cn.yinling.dashboard.cli;

import cn.yinling.dashboard.portal.RejectionExports;
import cn.yinling.warehouse.serve.AuditFinding;
import cn.yinling.warehouse.serve.RegionLevel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The three output formats of {@code aging audit}; the csv columns are those of spec/cli.md. */
final class AuditOutput {

    static final List<String> CSV_COLUMNS = List.of("rule", "rule_name", "month", "person_key", "order_id",
            "region_code", "region_name", "amount", "evidence", "mark");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditOutput() {
    }

    static String csv(List<AuditFinding> findings, Map<String, String> marks) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (AuditFinding f : findings) {
            List<String> cells = List.of(f.rule(), AuditCommand.ruleName(f.rule()), f.month(), text(f.personKey()),
                    text(f.orderId()), f.regionCode(), text(f.regionName()), amount(f), text(f.evidence()),
                    AuditCommand.markLabel(marks, f.findingId()));
            out.append(String.join(",", cells.stream().map(RejectionExports::csvCell).toList())).append('\n');
        }
        return out.toString();
    }

    static String json(List<AuditFinding> findings, Map<String, String> marks) {
        List<Map<String, Object>> objects = findings.stream().map(f -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("finding_id", f.findingId());
            o.put("rule", f.rule());
            o.put("rule_name", AuditCommand.ruleName(f.rule()));
            o.put("month", f.month());
            o.put("person_key", f.personKey());
            o.put("order_id", f.orderId());
            o.put("region_code", f.regionCode());
            o.put("region_name", f.regionName());
            o.put("region_level", RegionLevel.ofCode(f.regionLevel()).name());
            o.put("amount", f.amount());
            o.put("evidence", f.evidence());
            o.put("evidence_json", evidenceJson(f.evidenceJson()));
            String mark = AuditCommand.markLabel(marks, f.findingId());
            o.put("mark", mark.isEmpty() ? null : mark);
            return o;
        }).toList();
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(objects) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String table(List<AuditFinding> findings, Map<String, String> marks) {
        if (findings.isEmpty()) {
            return "没有符合条件的稽核疑点。\n";
        }
        TextTable table = TextTable.of("月份", "规则", "规则名称", "区划代码", "区域", "金额>", "标记", "证据");
        for (AuditFinding f : findings) {
            table.row(f.month(), f.rule(), AuditCommand.ruleName(f.rule()), f.regionCode(), text(f.regionName()),
                    amount(f).isEmpty() ? "—" : amount(f), AuditCommand.markLabel(marks, f.findingId()),
                    text(f.evidence()));
        }
        StringBuilder out = new StringBuilder(table.render());
        out.append("共 ").append(findings.size()).append(" 条。\n");
        return out.toString();
    }

    private static String amount(AuditFinding f) {
        return f.amount() == null ? "" : f.amount().setScale(2).toPlainString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** The evidence as a JSON object when it parses, else its text. */
    private static Object evidenceJson(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node == null ? text : node;
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}

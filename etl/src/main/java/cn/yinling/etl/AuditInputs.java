package cn.yinling.etl;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import cn.yinling.warehouse.audit.AuditRule;
import cn.yinling.warehouse.audit.AuditRules;
import cn.yinling.warehouse.contract.CodeList;
import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What the audit models need besides the facts: the rule catalog as a small table ({@code audit_rule}, from
 * rules.json), the Chinese labels of codes for the evidence texts ({@code code_label}, from feeds.json: its code
 * lists, plus {@code department} and {@code feed}), and the union of all rule views ({@code int_audit_union}), which
 * marts/audit_finding.sql turns into the published findings.
 */
public final class AuditInputs {

    public static final String RULE_VIEW = "audit_rule";
    public static final String LABEL_VIEW = "code_label";
    public static final String UNION_VIEW = "int_audit_union";
    static final int UNION_PARTITIONS = 2;

    static final StructType RULE_SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("rule", DataTypes.StringType, false),
            DataTypes.createStructField("name", DataTypes.StringType, false),
            DataTypes.createStructField("subject", DataTypes.StringType, false),
            DataTypes.createStructField("amount_kind", DataTypes.StringType, false),
            DataTypes.createStructField("improper", DataTypes.BooleanType, false)));

    static final StructType LABEL_SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("code_list", DataTypes.StringType, false),
            DataTypes.createStructField("code", DataTypes.StringType, false),
            DataTypes.createStructField("label", DataTypes.StringType, false)));

    /** The columns every rule model returns (docs/design.md, Audit), in the order the union gives them. */
    static final StructType FINDING_SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("rule", DataTypes.StringType, false),
            DataTypes.createStructField("month", DataTypes.DateType, true),
            DataTypes.createStructField("person_key", DataTypes.StringType, true),
            DataTypes.createStructField("order_id", DataTypes.StringType, true),
            DataTypes.createStructField("region_code", DataTypes.StringType, true),
            DataTypes.createStructField("amount", DataTypes.createDecimalType(14, 2), true),
            DataTypes.createStructField("evidence", DataTypes.StringType, true),
            DataTypes.createStructField("evidence_json", DataTypes.StringType, true),
            DataTypes.createStructField("case_key", DataTypes.StringType, true),
            DataTypes.createStructField("batch_id", DataTypes.StringType, true),
            DataTypes.createStructField("source_row", DataTypes.IntegerType, true)));

    private final AuditRules rules;
    private final List<AuditRule> withModel;

    /** @param auditModels the rule models found on the class path; each must be a rule of rules.json */
    public AuditInputs(AuditRules rules, List<Model> auditModels) {
        this.rules = rules;
        List<AuditRule> found = new ArrayList<>();
        for (Model model : auditModels) {
            found.add(rules.find(model.ruleCode()).orElseThrow(() -> new IllegalStateException(
                    model.resource() + " 的规则代码不在稽核规则库中 / is not a rule of rules.json")));
        }
        this.withModel = List.copyOf(found);
    }

    /** Registers {@code audit_rule} (every rule of the catalog, with or without a model) and {@code code_label}. */
    public void registerViews(SparkSession spark) {
        List<Row> ruleRows = new ArrayList<>();
        for (AuditRule rule : rules.all()) {
            ruleRows.add(RowFactory.create(rule.code(), rule.name(), rule.subject().name(), rule.amount(),
                    rule.improper()));
        }
        spark.createDataFrame(ruleRows, RULE_SCHEMA).createOrReplaceTempView(RULE_VIEW);
        spark.createDataFrame(labelRows(), LABEL_SCHEMA).createOrReplaceTempView(LABEL_VIEW);
    }

    /** Every code list of feeds.json (code → label), the departments and the feeds' Chinese names. */
    static List<Row> labelRows() {
        Contracts contracts = Contracts.get();
        Set<String> lists = new LinkedHashSet<>();
        for (FeedContract feed : contracts.feeds()) {
            feed.columns().forEach(c -> {
                if (c.codeList() != null) {
                    lists.add(c.codeList());
                }
            });
        }
        List<Row> rows = new ArrayList<>();
        for (String name : lists) {
            CodeList list = contracts.codeList(name);
            for (String code : new LinkedHashSet<>(list.labelToCode().values())) {
                rows.add(RowFactory.create(name, code, list.labelOf(code).orElse(code)));
            }
        }
        contracts.departments().forEach((code, label) -> rows.add(RowFactory.create("department", code, label)));
        contracts.feeds().forEach(f -> rows.add(RowFactory.create("feed", f.feed(), f.name())));
        return rows;
    }

    /** The Java model {@code int_audit_union}: every rule view tagged with its code, in one Dataset. */
    public ModelGraph.JavaModel unionModel() {
        Set<String> inputs = new LinkedHashSet<>();
        withModel.forEach(r -> inputs.add(Model.auditView(r.code())));
        return new ModelGraph.JavaModel(UNION_VIEW, inputs, spark -> {
            Dataset<Row> union = null;
            for (AuditRule rule : withModel) {
                Dataset<Row> rows = spark.table(Model.auditView(rule.code())).select(
                        lit(rule.code()).as("rule"),
                        col("month").cast("date").as("month"),
                        col("person_key").cast("string").as("person_key"),
                        col("order_id").cast("string").as("order_id"),
                        col("region_code").cast("string").as("region_code"),
                        col("amount").cast("decimal(14,2)").as("amount"),
                        col("evidence").cast("string").as("evidence"),
                        col("evidence_json").cast("string").as("evidence_json"),
                        col("case_key").cast("string").as("case_key"),
                        col("batch_id").cast("string").as("batch_id"),
                        col("source_row").cast("int").as("source_row"));
                union = union == null ? rows : union.unionByName(rows);
            }
            if (union == null) {
                return spark.createDataFrame(List.<Row>of(), FINDING_SCHEMA);
            }
            // a partition per partition of every rule view: many tiny tasks for a small table
            return union.coalesce(UNION_PARTITIONS);
        });
    }
}

package cn.yinling.etl;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.kpi.KpiDefinition;
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
 * What the generic KPI rollup (marts/mart_kpi.sql) needs besides the KPI views: the catalog as a small table
 * ({@code kpi_catalog}), the breakdown values of each KPI ({@code kpi_breakdown}: a null row for the total, plus
 * one row per code of the KPI's breakdown dimension) and the union of all KPI views ({@code int_kpi_union}).
 */
public final class KpiInputs {

    public static final String CATALOG_VIEW = "kpi_catalog";
    public static final String BREAKDOWN_VIEW = "kpi_breakdown";
    public static final String UNION_VIEW = "int_kpi_union";
    static final int UNION_PARTITIONS = 4;

    static final StructType CATALOG_SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("kpi_code", DataTypes.StringType, false),
            DataTypes.createStructField("name", DataTypes.StringType, false),
            DataTypes.createStructField("unit", DataTypes.StringType, true),
            DataTypes.createStructField("ratio", DataTypes.BooleanType, false),
            DataTypes.createStructField("scale", DataTypes.DoubleType, false),
            DataTypes.createStructField("levels", DataTypes.createArrayType(DataTypes.IntegerType, false), false),
            DataTypes.createStructField("breakdown_dimension", DataTypes.StringType, true),
            DataTypes.createStructField("target_op", DataTypes.StringType, true),
            DataTypes.createStructField("target", DataTypes.DoubleType, true)));

    static final StructType BREAKDOWN_SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("kpi_code", DataTypes.StringType, false),
            DataTypes.createStructField("breakdown", DataTypes.StringType, true)));

    private final List<KpiDefinition> kpis;

    /** @param kpiModels the KPI models found on the class path; only KPIs with a model are computed */
    public KpiInputs(KpiCatalog catalog, List<Model> kpiModels) {
        List<KpiDefinition> withModel = new ArrayList<>();
        for (Model model : kpiModels) {
            withModel.add(catalog.find(model.kpiCode()).orElseThrow(() -> new IllegalStateException(
                    model.resource() + " 的指标代码不在指标目录中 / is not a KPI of catalog.json")));
        }
        this.kpis = List.copyOf(withModel);
    }

    public List<KpiDefinition> kpis() {
        return kpis;
    }

    /** Registers {@code kpi_catalog} and {@code kpi_breakdown}. */
    public void registerViews(SparkSession spark) {
        List<Row> catalogRows = new ArrayList<>();
        List<Row> breakdownRows = new ArrayList<>();
        for (KpiDefinition kpi : kpis) {
            catalogRows.add(RowFactory.create(kpi.code(), kpi.name(), kpi.unit(), kpi.ratio(), kpi.scale(),
                    scala.jdk.javaapi.CollectionConverters.asScala(kpi.levelsOrAll()).toSeq(),
                    kpi.breakdown(), kpi.target() == null ? null : kpi.target().op(),
                    kpi.target() == null ? null : kpi.target().value()));
            breakdownRows.add(RowFactory.create(kpi.code(), null));
            for (String value : breakdownValues(kpi)) {
                breakdownRows.add(RowFactory.create(kpi.code(), value));
            }
        }
        spark.createDataFrame(catalogRows, CATALOG_SCHEMA).createOrReplaceTempView(CATALOG_VIEW);
        spark.createDataFrame(breakdownRows, BREAKDOWN_SCHEMA).createOrReplaceTempView(BREAKDOWN_VIEW);
    }

    /** The codes of a breakdown dimension: the contract's code list of the same name (facility_type …), or the feeds. */
    static Set<String> breakdownValues(KpiDefinition kpi) {
        return new LinkedHashSet<>(kpi.breakdownCodes());
    }

    /** The Java model {@code int_kpi_union}: every KPI view tagged with its code, in one Dataset. */
    public ModelGraph.JavaModel unionModel() {
        Set<String> inputs = new LinkedHashSet<>();
        kpis.forEach(k -> inputs.add(Model.KPI_VIEW_PREFIX + k.code()));
        return new ModelGraph.JavaModel(UNION_VIEW, inputs, spark -> {
            Dataset<Row> union = null;
            for (KpiDefinition kpi : kpis) {
                Dataset<Row> rows = spark.table(Model.KPI_VIEW_PREFIX + kpi.code()).select(
                        lit(kpi.code()).as("kpi_code"),
                        col("region_code").cast("string").as("region_code"),
                        col("month").cast("date").as("month"),
                        col("breakdown").cast("string").as("breakdown"),
                        col("numerator").cast("double").as("numerator"),
                        col("denominator").cast("double").as("denominator"));
                union = union == null ? rows : union.unionByName(rows);
            }
            if (union != null) {
                // the union has a partition per partition of every KPI view: dozens of tiny tasks for one small table
                union = union.coalesce(UNION_PARTITIONS);
            }
            if (union == null) {
                StructType schema = DataTypes.createStructType(List.of(
                        DataTypes.createStructField("kpi_code", DataTypes.StringType, false),
                        DataTypes.createStructField("region_code", DataTypes.StringType, true),
                        DataTypes.createStructField("month", DataTypes.DateType, true),
                        DataTypes.createStructField("breakdown", DataTypes.StringType, true),
                        DataTypes.createStructField("numerator", DataTypes.DoubleType, true),
                        DataTypes.createStructField("denominator", DataTypes.DoubleType, true)));
                union = spark.createDataFrame(List.<Row>of(), schema);
            }
            return union;
        });
    }
}

package cn.yinling.etl;

import cn.yinling.warehouse.contract.ColumnSpec;
import cn.yinling.warehouse.contract.ColumnType;
import cn.yinling.warehouse.contract.FeedContract;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Spark schemas of the landing zone, derived from the feed contract (docs/design.md, "accepted.parquet"). */
public final class ContractSchemas {

    /** The columns the ETL adds to every accepted row: which batch in force it came from. */
    public static final List<StructField> BATCH_COLUMNS = List.of(
            DataTypes.createStructField("batch_id", DataTypes.StringType, false),
            DataTypes.createStructField("period", DataTypes.StringType, false),
            DataTypes.createStructField("unit", DataTypes.StringType, false),
            DataTypes.createStructField("received_at", DataTypes.TimestampType, true));

    private ContractSchemas() {
    }

    public static DataType sqlType(ColumnType type) {
        return switch (type) {
            case TEXT, DIGITS, ID_NUMBER, USCC, REGION_CODE, SEX, CODE, CODE_MULTI -> DataTypes.StringType;
            case DATE, MONTH -> DataTypes.DateType;
            case DATETIME -> DataTypes.TimestampNTZType;
            case YEAR, INT -> DataTypes.IntegerType;
            case AMOUNT -> DataTypes.createDecimalType(14, 2);
            case DECIMAL -> DataTypes.DoubleType;
            case FLAG -> DataTypes.BooleanType;
        };
    }

    /** The schema of a feed's accepted.parquet: {@code _row}, then the contract's columns in order. */
    public static StructType accepted(FeedContract feed) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("_row", DataTypes.IntegerType, true));
        for (ColumnSpec column : feed.columns()) {
            fields.add(DataTypes.createStructField(column.key(), sqlType(column.type()), true));
        }
        return DataTypes.createStructType(fields);
    }

    /** The schema of the view {@code src_<feed>}: accepted rows plus the batch columns. */
    public static StructType source(FeedContract feed) {
        List<StructField> fields = new ArrayList<>(List.of(accepted(feed).fields()));
        fields.addAll(BATCH_COLUMNS);
        return DataTypes.createStructType(fields);
    }
}

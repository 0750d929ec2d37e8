package cn.yinling.etl;

import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The (unit, feed) pairs the city expects every period, for submission_rate: the city's reporting units in
 * {@code $AGING_HOME/config/units.csv} (UTF-8, header {@code unit,name,expected_feeds,deadline_day}, feeds separated by
 * {@code ;}), or the defaults shipped at {@code cn/yinling/warehouse/config/units.csv}. Registered as the view
 * {@code expected_submission}: unit, feed, period_kind (month or year), deadline_day.
 */
public final class ExpectedSubmissions {

    public static final String VIEW = "expected_submission";
    public static final String DEFAULT_RESOURCE = "cn/yinling/warehouse/config/units.csv";
    static final int DEFAULT_DEADLINE_DAY = 10;

    /** One expected pair. */
    public record Pair(String unit, String feed, String periodKind, int deadlineDay) {
    }

    static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("unit", DataTypes.StringType, false),
            DataTypes.createStructField("feed", DataTypes.StringType, false),
            DataTypes.createStructField("period_kind", DataTypes.StringType, false),
            DataTypes.createStructField("deadline_day", DataTypes.IntegerType, false)));

    private ExpectedSubmissions() {
    }

    /** The pairs of {@code configured} when that file exists, else of the shipped defaults. */
    public static List<Pair> load(Path configured) {
        try {
            if (Files.isRegularFile(configured)) {
                try (BufferedReader reader = Files.newBufferedReader(configured, StandardCharsets.UTF_8)) {
                    return parse(reader, configured.toString());
                }
            }
            try (InputStream in = ExpectedSubmissions.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    return List.of();
                }
                return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), DEFAULT_RESOURCE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + configured, e);
        }
    }

    public static void register(SparkSession spark, List<Pair> pairs) {
        List<Row> rows = new ArrayList<>();
        for (Pair p : pairs) {
            rows.add(RowFactory.create(p.unit(), p.feed(), p.periodKind(), p.deadlineDay()));
        }
        spark.createDataFrame(rows, SCHEMA).createOrReplaceTempView(VIEW);
    }

    static List<Pair> parse(BufferedReader reader, String source) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        String header = reader.readLine();
        if (header == null) {
            return pairs;
        }
        List<String> columns = fields(header.replace("\uFEFF", ""));
        int unitColumn = columns.indexOf("unit");
        int feedsColumn = columns.indexOf("expected_feeds");
        int deadlineColumn = columns.indexOf("deadline_day");
        if (unitColumn < 0 || feedsColumn < 0) {
            throw new IllegalArgumentException(source + "：表头须含 unit 和 expected_feeds 列 / the header needs unit and expected_feeds");
        }
        String line;
        int lineNumber = 1;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> values = fields(line);
            String unit = value(values, unitColumn);
            if (unit.isEmpty()) {
                continue;
            }
            int deadline = DEFAULT_DEADLINE_DAY;
            String deadlineText = value(values, deadlineColumn);
            if (!deadlineText.isEmpty()) {
                try {
                    deadline = Integer.parseInt(deadlineText);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(source + " 第 " + lineNumber + " 行：deadline_day 须为整数，而不是 "
                            + deadlineText + " / deadline_day must be a whole number");
                }
            }
            int row = lineNumber;
            for (String feedName : value(values, feedsColumn).split(";")) {
                String feed = feedName.strip();
                if (feed.isEmpty()) {
                    continue;
                }
                FeedContract contract = Contracts.get().feed(feed).orElseThrow(() -> new IllegalArgumentException(
                        source + " 第 " + row + " 行：未知数据项 " + feed + " / unknown feed"));
                pairs.add(new Pair(unit, feed, contract.period().name(), deadline));
            }
        }
        return pairs;
    }

    private static String value(List<String> values, int column) {
        return column >= 0 && column < values.size() ? values.get(column).strip() : "";
    }

    /** The fields of one CSV line; a field may be quoted, with "" for a quote inside. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}

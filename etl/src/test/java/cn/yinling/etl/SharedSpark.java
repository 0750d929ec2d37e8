package cn.yinling.etl;

import org.apache.spark.sql.SparkSession;

/** The one SparkSession every test class shares (starting Spark costs seconds; the machine has two cores). */
public final class SharedSpark {

    private static SparkSession spark;

    private SharedSpark() {
    }

    public static synchronized SparkSession get() {
        if (spark == null) {
            // as EtlMain does for a local run (see there)
            MissCachingClassLoader.installOnCurrentThread();
            spark = SparkSession.builder()
                    .appName("aging-etl-tests")
                    .master("local[2]")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.session.timeZone", "Asia/Shanghai")
                    .config("spark.sql.artifact.isolation.enabled", "false")
                    // the runner's bucketed tables are external, but the catalog still makes its default database's
                    // folder: in target/, not in the module's source folder
                    .config("spark.sql.warehouse.dir", java.nio.file.Path.of("target", "spark-warehouse").toUri().toString())
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
        }
        return spark;
    }
}

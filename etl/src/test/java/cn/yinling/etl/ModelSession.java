package cn.yinling.etl;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A session of the shared Spark with the SQL functions of the models, for tests that run single models on hand-made
 * upstream views.
 */
final class ModelSession {

    private final SparkSession session = SharedSpark.get().newSession();
    private final Map<String, Model> models;

    ModelSession() {
        List<Model> catalog = ModelCatalog.load();
        ModelCatalog.registerFunctions(session, catalog);
        models = catalog.stream().filter(m -> !m.isFunction()).collect(Collectors.toMap(Model::name, m -> m));
    }

    /** Registers {@code sql}'s result as the view {@code name}. */
    void view(String name, String sql) {
        session.sql(sql).createOrReplaceTempView(name);
    }

    /** Registers the model {@code name} itself as a view, for the models downstream of it. */
    void modelView(String name) {
        view(name, models.get(name).statement());
    }

    /** Runs the model {@code name} on the views registered so far. */
    Dataset<Row> model(String name) {
        return session.sql(models.get(name).statement());
    }

    Dataset<Row> sql(String sql) {
        return session.sql(sql);
    }
}

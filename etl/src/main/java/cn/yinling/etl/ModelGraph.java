package cn.yinling.etl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Orders the models by the names they reference (dbt's ref(), without the templating: a model refers to another
 * simply by naming its view). A name counts as a reference when it is a model, a Java-built model or a view the
 * runner provides ({@code src_*}, {@code landing_batch}, {@code kpi_catalog} …); comments and string literals are
 * ignored.
 */
public final class ModelGraph {

    /** A model built in Java rather than SQL (e.g. the union of all KPI views, which has no fixed list of inputs). */
    public record JavaModel(String name, Set<String> inputs, Function<SparkSession, Dataset<Row>> build) {
    }

    /** One step of the plan: a SQL model or a Java model, with the names it reads. */
    public record Node(String name, Set<String> inputs, Model sql, JavaModel java) {
        public boolean isPublished() {
            return sql != null && sql.isPublished();
        }

        public boolean isVault() {
            return sql != null && sql.isVault();
        }

        public boolean isStoredAsTable() {
            return sql != null && sql.isStoredAsTable();
        }

        public boolean isEphemeral() {
            return sql != null && sql.isEphemeral();
        }

        /** See {@link Model#clusteredBy()}; null for a Java model. */
        public String clusteredBy() {
            return sql == null ? null : sql.clusteredBy();
        }
    }

    private static final Pattern COMMENTS_AND_STRINGS =
            Pattern.compile("--[^\\n]*|/\\*.*?\\*/|'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"", Pattern.DOTALL);
    private static final Pattern IDENTIFIER = Pattern.compile("`?([A-Za-z_][A-Za-z0-9_]*)`?");

    private ModelGraph() {
    }

    /** The names of {@code known} that {@code sql} mentions outside comments and string literals. */
    public static Set<String> references(String sql, Set<String> known) {
        String code = COMMENTS_AND_STRINGS.matcher(sql).replaceAll(" ");
        Set<String> found = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(code);
        while (m.find()) {
            String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
            if (known.contains(name)) {
                found.add(name);
            }
        }
        return found;
    }

    /**
     * The build order of all models except tests and functions: every node after the nodes it reads; ties broken by name so the
     * order is the same on every run.
     */
    public static List<Node> plan(List<Model> models, List<JavaModel> javaModels, Set<String> providedViews) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Set<String> known = new TreeSet<>(providedViews);
        models.stream().filter(m -> !m.isTest() && !m.isFunction()).forEach(m -> known.add(m.name()));
        javaModels.forEach(j -> known.add(j.name()));
        for (Model model : models) {
            if (model.isTest() || model.isFunction()) {
                continue;
            }
            Set<String> inputs = new TreeSet<>(references(model.sql(), known));
            inputs.remove(model.name());
            if (nodes.put(model.name(), new Node(model.name(), inputs, model, null)) != null) {
                throw new IllegalStateException("two models are named " + model.name());
            }
        }
        for (JavaModel java : javaModels) {
            if (nodes.put(java.name(), new Node(java.name(), new TreeSet<>(java.inputs()), null, java)) != null) {
                throw new IllegalStateException("two models are named " + java.name());
            }
        }
        for (Node node : nodes.values()) {
            for (String input : node.inputs()) {
                if (!nodes.containsKey(input) && !providedViews.contains(input)) {
                    throw new IllegalStateException(node.name() + " reads " + input + ", which no model or source provides");
                }
            }
        }
        List<Node> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>(providedViews);
        TreeSet<String> pending = new TreeSet<>(nodes.keySet());
        while (!pending.isEmpty()) {
            String next = pending.stream().filter(n -> done.containsAll(nodes.get(n).inputs())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("models reference each other in a cycle: " + pending));
            order.add(nodes.get(next));
            done.add(next);
            pending.remove(next);
        }
        return order;
    }

    /** How many nodes read each node: those read more than once are worth caching. */
    public static Map<String, Integer> readers(List<Node> plan) {
        Map<String, Integer> count = new HashMap<>();
        for (Node node : plan) {
            for (String input : node.inputs()) {
                count.merge(input, 1, Integer::sum);
            }
        }
        return count;
    }
}

package cn.yinling.etl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SQL model file of {@code cn/yinling/warehouse/models/}: its folder says what it is (staging, intermediate,
 * marts, kpi, audit, vault, tests) and its file name names it. A KPI model {@code kpi/x.sql} is registered as the
 * view {@code kpi_x} and an audit rule {@code audit/A01.sql} as {@code audit_a01}, so a code can never shadow a table
 * name.
 */
public record Model(String folder, String fileName, String resource, String sql) {

    public static final String KPI_VIEW_PREFIX = "kpi_";
    public static final String AUDIT_VIEW_PREFIX = "audit_";

    /** The view (and, for marts, the table) name. */
    public String name() {
        if (isKpi()) {
            return KPI_VIEW_PREFIX + fileName;
        }
        return isAudit() ? auditView(fileName) : fileName;
    }

    /** The view of audit rule {@code code}: model names are matched in lower case. */
    public static String auditView(String ruleCode) {
        return AUDIT_VIEW_PREFIX + ruleCode.toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isKpi() {
        return folder.equals("kpi");
    }

    /** An audit rule of rules.json: {@code audit/<code>.sql}. */
    public boolean isAudit() {
        return folder.equals("audit");
    }

    /** The rule code of an audit model (A01 …). */
    public String ruleCode() {
        if (!isAudit()) {
            throw new IllegalStateException(resource + " is not an audit rule");
        }
        return fileName;
    }

    public boolean isTest() {
        return folder.equals("tests");
    }

    /** A SQL function ({@code functions/<name>.sql}: a CREATE TEMPORARY FUNCTION) the models may call. */
    public boolean isFunction() {
        return folder.equals("functions");
    }

    /** Marts (dim_, fct_, mart_) are the tables of a published version. */
    public boolean isPublished() {
        return folder.equals("marts");
    }

    public boolean isVault() {
        return folder.equals("vault");
    }

    private static final Pattern STORED_AS_TABLE = Pattern.compile("(?m)^--\\s*materialized:\\s*table\\s*$");

    /**
     * A model that is not published (staging, intermediate …) whose file says {@code -- materialized: table} (dbt's config, as a comment) is
     * written as Parquet into the run's work folder instead of being held as a local checkpoint: the models over the
     * whole register (a row per person and month at scale 1.0 is over a hundred million rows) are too big for
     * memory, Parquet stores them in a fraction of the space, and each reader reads only the columns it needs.
     */
    public boolean isStoredAsTable() {
        return !isPublished() && !isVault() && STORED_AS_TABLE.matcher(sql).find();
    }

    private static final Pattern EPHEMERAL = Pattern.compile("(?m)^--\\s*materialized:\\s*ephemeral\\s*$");

    /**
     * A model that is not published whose file says {@code -- materialized: ephemeral} (dbt's name) is neither stored
     * nor checkpointed: its readers see it as a plain view, and Spark folds its plan into each of theirs. For a cheap
     * widening of a stored table (a row per person and month from a row per person and snapshot), where storing the
     * wide rows costs more than computing them again in each reader.
     */
    public boolean isEphemeral() {
        return !isPublished() && !isVault() && EPHEMERAL.matcher(sql).find();
    }

    private static final Pattern CLUSTERED_BY = Pattern.compile("(?m)^--\\s*clustered_by:\\s*(\\w+)\\s*$");

    /**
     * The column a model written as files (a mart or {@code -- materialized: table}) is bucketed by, from its
     * {@code -- clustered_by: <column>} line (dbt-spark's config of that name), or null. The files are then written
     * in one bucket per shuffle partition and read back as a table that knows it: a later window, aggregate or join
     * by that column reads the buckets in place instead of shuffling the rows once more. At scale 1.0 the register is
     * ten million rows a snapshot, and the steps that read it by person_key each shuffled all of it.
     */
    public String clusteredBy() {
        if (!isPublished() && !isStoredAsTable()) {
            return null;
        }
        Matcher m = CLUSTERED_BY.matcher(sql);
        return m.find() ? m.group(1) : null;
    }

    /** The KPI code of a KPI model. */
    public String kpiCode() {
        if (!isKpi()) {
            throw new IllegalStateException(resource + " is not a KPI model");
        }
        return fileName;
    }

    /** The statement as Spark should run it: without a trailing semicolon. */
    public String statement() {
        String text = sql.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }
}

package cn.yinling.warehouse.parse;

/**
 * The result of reading one cell: a value, or the rule it breaks with a Chinese message that says what to fix. An
 * empty cell is {@link #empty()}: whether that is allowed is the caller's business (REQUIRED).
 */
public record Parsed<T>(T value, String rule, String message) {

    public static <T> Parsed<T> ok(T value) {
        return new Parsed<>(value, null, null);
    }

    public static <T> Parsed<T> empty() {
        return new Parsed<>(null, null, null);
    }

    public static <T> Parsed<T> error(String rule, String message) {
        return new Parsed<>(null, rule, message);
    }

    public boolean isError() {
        return rule != null;
    }

    public boolean isEmpty() {
        return rule == null && value == null;
    }
}

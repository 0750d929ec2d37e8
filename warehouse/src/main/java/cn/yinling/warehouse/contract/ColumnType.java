package cn.yinling.warehouse.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The value types of spec/feeds.md §2, plus plain text and digit strings. */
public enum ColumnType {
    TEXT, DIGITS, ID_NUMBER, USCC, DATE, DATETIME, MONTH, YEAR, AMOUNT, INT, DECIMAL, FLAG, SEX, REGION_CODE, CODE, CODE_MULTI;

    @JsonCreator
    public static ColumnType of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

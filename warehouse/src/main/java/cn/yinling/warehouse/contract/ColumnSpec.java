package cn.yinling.warehouse.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** One column of a feed as feeds.json declares it. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ColumnSpec(
        String key,
        String header,
        ColumnType type,
        boolean required,
        @JsonProperty("key_column") boolean keyColumn,
        @JsonProperty("code_list") String codeList,
        @JsonProperty("region_levels") List<Integer> regionLevels,
        BigDecimal min,
        BigDecimal max,
        @JsonProperty("min_exclusive") BigDecimal minExclusive,
        @JsonProperty("in_period") boolean inPeriod,
        @JsonProperty("equals_period") boolean equalsPeriod,
        boolean pii) {
}

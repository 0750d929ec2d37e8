package cn.yinling.warehouse.forecast;

/** An indicator's central projection with its low and high bound (equal for an observed value); rates in %. */
public record Band(Double low, Double central, Double high) {

    public static Band observed(Double value) {
        return new Band(value, value, value);
    }
}

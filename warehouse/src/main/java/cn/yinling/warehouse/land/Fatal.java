package cn.yinling.warehouse.land;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Why a whole file was refused: a fatal rule code and a Chinese message saying what to fix. */
@JsonPropertyOrder({"rule", "message"})
public record Fatal(String rule, String message) {
}

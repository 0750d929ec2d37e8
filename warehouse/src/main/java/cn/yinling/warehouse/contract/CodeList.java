package cn.yinling.warehouse.contract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A closed list of Chinese labels and the English codes stored for them. */
public record CodeList(String name, LinkedHashMap<String, String> labelToCode) {

    /** The stored code for a label, or for a value that already is a code. */
    public Optional<String> codeOf(String value) {
        String code = labelToCode.get(value);
        if (code != null) {
            return Optional.of(code);
        }
        return labelToCode.containsValue(value) ? Optional.of(value) : Optional.empty();
    }

    public Optional<String> labelOf(String code) {
        return labelToCode.entrySet().stream().filter(e -> e.getValue().equals(code)).map(Map.Entry::getKey).findFirst();
    }

    public java.util.Set<String> labels() {
        return labelToCode.keySet();
    }
}

package cn.yinling.dashboard.audit;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a planner found when checking a finding; stored by code, shown by label. */
public enum MarkStatus {
    confirmed("核实属实"),
    false_alarm("误报"),
    fixed("已整改");

    private final String label;

    MarkStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<MarkStatus> parse(String code) {
        return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst();
    }

    /** The label of a stored code; the code itself for one this version does not know. */
    public static String labelOf(String code) {
        return parse(code).map(MarkStatus::label).orElse(code);
    }

    /** "confirmed（核实属实）、false_alarm（误报）、fixed（已整改）", for error messages. */
    public static String choices() {
        return Arrays.stream(values()).map(s -> s.name() + "（" + s.label + "）").collect(Collectors.joining("、"));
    }
}

package cn.yinling.dashboard.auth;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.Optional;

/** The roles of spec/architecture.md; a route lists the roles that may call it. */
public enum Role implements RouteRole {
    leader("领导"),
    planner("规划人员"),
    uploader("成员单位填报员"),
    admin("管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Role> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }

    /** Every role: for the KPI pages, which all signed-in users may read. */
    public static RouteRole[] everyone() {
        return values();
    }
}

package cn.yinling.warehouse.land;

import cn.yinling.warehouse.contract.Contracts;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A member unit as named in spec/feeds.md §7: {@code <department>:<6-digit scope>}, e.g. {@code civil_affairs:320312}
 * (铜山区民政局). Its scope is a 6-digit region code; a 12-digit region code lies inside it when it starts with the
 * scope's significant digits (2 for a province, 4 for a city, 6 for a district).
 */
public record ReportingUnit(String department, String scope) {

    private static final Pattern SYNTAX = Pattern.compile("([a-z_]+):(\\d{6})");

    /** The unit, or empty when the name is malformed or names no known department. */
    public static Optional<ReportingUnit> parse(String unit) {
        if (unit == null) {
            return Optional.empty();
        }
        var m = SYNTAX.matcher(unit);
        if (!m.matches() || !Contracts.get().departments().containsKey(m.group(1)) || m.group(2).startsWith("00")) {
            return Optional.empty();
        }
        return Optional.of(new ReportingUnit(m.group(1), m.group(2)));
    }

    /** The scope as a 12-digit region code. */
    public String scopeCode() {
        return RegionCodes.pad(scope);
    }

    /** The leading digits every region inside the scope shares. */
    public String scopePrefix() {
        return RegionCodes.significantPrefix(scopeCode());
    }

    /** Whether a 12-digit region code lies inside the scope. */
    public boolean covers(String regionCode12) {
        return regionCode12.startsWith(scopePrefix());
    }

    /** Whether a 12-digit region code is a strict ancestor of the scope (its province, or its city). */
    public boolean isAncestorOfScope(String regionCode12) {
        String prefix = RegionCodes.significantPrefix(regionCode12);
        return !regionCode12.equals(scopeCode()) && scopeCode().startsWith(prefix);
    }

    public String departmentName() {
        return Contracts.get().departments().get(department);
    }

    @Override
    public String toString() {
        return department + ":" + scope;
    }
}

package cn.yinling.dashboard.auth;

/**
 * Who makes a request: a signed-in account (session) or a unit's API token.
 *
 * @param userId              the account, null for a token
 * @param name                account name, or {@code token:<unit>#<id>} for a token
 * @param unit                the reporting unit of an uploader or token, else null
 * @param sessionHash         SHA-256 of the session id (null for a token)
 * @param csrfToken           the session's CSRF token (null for a token: bearer requests need none)
 * @param mustChangePassword  the account still has its first password
 */
public record Principal(Long userId, String name, Role role, String unit, String sessionHash, String csrfToken,
        boolean viaToken, boolean mustChangePassword) {

    public static final String ATTRIBUTE = "aging.principal";

    public boolean is(Role r) {
        return role == r;
    }

    /** Planners and admins see every unit's batches; an uploader or token only its own unit's. */
    public boolean seesAllUnits() {
        return role == Role.planner || role == Role.admin;
    }

    public boolean mayUseUnit(String batchUnit) {
        return seesAllUnits() || (unit != null && unit.equals(batchUnit));
    }
}

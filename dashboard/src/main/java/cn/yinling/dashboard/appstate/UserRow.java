package cn.yinling.dashboard.appstate;

/** A row of {@code users}. {@code unit} is set for uploaders only. */
public record UserRow(long id, String name, String role, String unit, String passwordHash,
        boolean mustChangePassword, boolean disabled, long createdAt, Long passwordChangedAt) {
}

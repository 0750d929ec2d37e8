package cn.yinling.dashboard.appstate;

/** A row of {@code sessions}. */
public record SessionRow(String idSha256, long userId, String csrfToken, long createdAt, long lastSeenAt,
        long expiresAt, String ip) {
}

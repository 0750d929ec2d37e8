package cn.yinling.dashboard.appstate;

/** A row of {@code api_tokens}: never the token itself, only its SHA-256. */
public record TokenRow(long id, String unit, String tokenSha256, long createdAt, String createdBy, Long revokedAt,
        String revokedBy, Long lastUsedAt) {
}

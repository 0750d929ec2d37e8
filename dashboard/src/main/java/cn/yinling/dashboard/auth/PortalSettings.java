package cn.yinling.dashboard.auth;

import cn.yinling.warehouse.land.LandingOptions;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the portal from the environment.
 *
 * @param maxUploadBytes   AGING_MAX_UPLOAD_MB (default 200): larger uploads are refused with 413 before being read
 * @param behindProxy      AGING_BEHIND_PROXY=true: trust X-Forwarded-For / X-Forwarded-Proto from the reverse proxy
 *                         (client address in the audit log, Secure cookies when the proxy speaks HTTPS)
 * @param secureCookies    AGING_SECURE_COOKIES=true: always mark the session cookie Secure
 * @param sessionIdle      a session unused this long ends
 * @param sessionMaximum   a session ends this long after sign-in, used or not
 * @param lockoutFailures  this many failed logins of one account name within {@code lockoutWindow} lock it
 * @param lockoutWindow    how far back failures count, and how long the lock lasts after the last one
 * @param ipFailures       this many failed logins from one address within {@code lockoutWindow} block the address
 */
public record PortalSettings(long maxUploadBytes, boolean behindProxy, boolean secureCookies, Duration sessionIdle,
        Duration sessionMaximum, int lockoutFailures, Duration lockoutWindow, int ipFailures) {

    public static PortalSettings defaults() {
        return new PortalSettings(LandingOptions.defaults().maxUploadBytes(), false, false, Duration.ofHours(2),
                Duration.ofHours(12), 5, Duration.ofMinutes(15), 50);
    }

    public static PortalSettings fromEnvironment(Map<String, String> env) {
        PortalSettings d = defaults();
        return new PortalSettings(LandingOptions.fromEnvironment(env).maxUploadBytes(),
                "true".equalsIgnoreCase(env.getOrDefault("AGING_BEHIND_PROXY", "")),
                "true".equalsIgnoreCase(env.getOrDefault("AGING_SECURE_COOKIES", "")), d.sessionIdle(),
                d.sessionMaximum(), d.lockoutFailures(), d.lockoutWindow(), d.ipFailures());
    }

    public PortalSettings withMaxUploadBytes(long bytes) {
        return new PortalSettings(bytes, behindProxy, secureCookies, sessionIdle, sessionMaximum, lockoutFailures,
                lockoutWindow, ipFailures);
    }
}

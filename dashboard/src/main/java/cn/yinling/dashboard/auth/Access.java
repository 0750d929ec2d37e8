package cn.yinling.dashboard.auth;

import io.javalin.security.RouteRole;

/** Route markers beside the {@link Role}s: who else may call a route. */
public enum Access implements RouteRole {
    /** No sign-in needed (the login endpoints, the OpenAPI document). */
    ANYONE,
    /** Also callable with a unit's API token ({@code Authorization: Bearer …}); only the batch API. */
    API_TOKEN,
    /** Still callable while the account must change its first password (who am I, change password, log out). */
    BEFORE_PASSWORD_CHANGE
}

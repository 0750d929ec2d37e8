package cn.yinling.dashboard.web;

/** The body of every API error: {"error": "…"}. */
public record ApiError(String error) {
}

package cn.yinling.dashboard.catalog;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** GET /themes/{group}: the one theme page (public/theme.html); its script reads the theme from the path. */
public final class ThemePage {

    private final Themes themes;
    private final String html;

    public ThemePage(Themes themes) {
        this.themes = themes;
        try (InputStream in = ThemePage.class.getResourceAsStream("/public/theme.html")) {
            if (in == null) {
                throw new IllegalStateException("public/theme.html is missing from the class path");
            }
            this.html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read public/theme.html", e);
        }
    }

    public void page(Context ctx) {
        String group = ctx.pathParam("group");
        if (themes.find(group).isEmpty()) {
            String names = String.join("、", themes.all().stream().map(Themes.Theme::name).toList());
            ctx.status(404).contentType("text/html; charset=utf-8")
                    .result("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>未找到专题</title>"
                            + "<p>没有这个专题页面。请从<a href=\"/\">首页</a>进入专题：" + names + "。</p></html>");
            return;
        }
        ctx.contentType("text/html; charset=utf-8").result(html);
    }
}

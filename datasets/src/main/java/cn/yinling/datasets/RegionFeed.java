package cn.yinling.datasets;

import cn.yinling.datasets.RegionRegistry.Region;
import java.io.IOException;

/** 统计用区划代码 from 统计局 (stats:320300): one annual XLSX per year covered, codes as published (2–12 digits). */
final class RegionFeed {

    static final String FEED = "region";
    static final String UNIT = "stats:320300";

    private final GenerationContext ctx;

    RegionFeed(GenerationContext ctx) {
        this.ctx = ctx;
    }

    void write() throws IOException {
        int firstYear = ctx.options().from().getYear();
        int lastYear = ctx.options().to().getYear();
        for (int year = firstYear; year <= lastYear; year++) {
            String name = "徐州市统计用区划代码_" + year + ".xlsx";
            try (FeedFile f = new FeedFile(ctx.out(), FEED, Integer.toString(year), UNIT, name, FeedFile.Format.XLSX,
                    ctx.truth())) {
                f.title(year + "年徐州市统计用区划代码表");
                f.header(h("code"), h("name"), h("level"), h("parent_code"), h("urban_rural_code"));
                for (Region r : ctx.regions().all()) {
                    f.data(r.code(), r.name(), r.level(), r.parentCode(), r.urbanRuralCode());
                }
                f.footer("说明：区划代码依据国家统计局2023年统计用区划代码，城乡分类代码仅填写村级。");
            }
            ctx.progress().step("统计用区划代码", year - firstYear + 1, lastYear - firstYear + 1);
        }
    }

    private static String h(String key) {
        return FeedFile.header(FEED, key);
    }
}

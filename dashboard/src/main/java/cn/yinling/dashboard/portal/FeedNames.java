package cn.yinling.dashboard.portal;

import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;

/** The Chinese name of a feed code, as feeds.json gives it. */
final class FeedNames {

    private FeedNames() {
    }

    static String name(String feed) {
        return Contracts.get().feed(feed).map(FeedContract::name).orElse(feed);
    }
}

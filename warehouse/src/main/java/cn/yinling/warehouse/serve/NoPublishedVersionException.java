package cn.yinling.warehouse.serve;

/** No warehouse version is being served (none published, or the published one cannot be opened). */
public final class NoPublishedVersionException extends RuntimeException {

    public static final String MESSAGE = "尚未发布数仓版本：请先导入数据并运行 ./aging etl 生成并发布一个版本（或运行 ./aging demo 体验示例数据）。";

    public NoPublishedVersionException() {
        super(MESSAGE);
    }

    /** The pointer names a version that cannot be opened, and no earlier version is being served. */
    public static NoPublishedVersionException unreadable(String reason) {
        return new NoPublishedVersionException("当前发布的数仓版本无法打开（" + reason + "）。请检查后重新运行 ./aging etl 发布新版本。");
    }

    private NoPublishedVersionException(String message) {
        super(message);
    }
}

package cn.yinling.dashboard.cli;

import cn.yinling.dashboard.appstate.AppStore;
import cn.yinling.dashboard.audit.AuditLog;
import cn.yinling.dashboard.auth.ApiTokenService;
import cn.yinling.dashboard.web.ClientAddress;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aging token create|revoke --unit UNIT}: API tokens for a unit's system-to-system uploads. */
@Command(name = "token", description = "单位 API 令牌（系统对接上传）", subcommands = {TokenCommand.Create.class,
    TokenCommand.Revoke.class})
final class TokenCommand {

    static AuditLog audit(AppStore store) {
        return new AuditLog(store, new ClientAddress(false), Clock.systemUTC());
    }

    @Command(name = "create", description = "为单位生成新令牌并打印一次（只保存其哈希）")
    static final class Create implements Callable<Integer> {

        @Option(names = "--unit", required = true, description = "报送单位 <部门>:<区划>")
        String unit;

        @Override
        public Integer call() {
            AppStore store = AppStore.open(AgingCli.home());
            String token;
            try {
                token = new ApiTokenService(store).create(unit, "cli");
            } catch (IllegalArgumentException e) {
                throw new RefusedInputException(e.getMessage());
            }
            audit(store).record("cli", null, AuditLog.ADMIN, "token:" + unit, "create", "ok", "local");
            System.out.println(token);
            System.err.println("已为 " + unit + " 生成 API 令牌（只显示这一次，请妥善保存）。");
            return 0;
        }
    }

    @Command(name = "revoke", description = "吊销单位的全部令牌")
    static final class Revoke implements Callable<Integer> {

        @Option(names = "--unit", required = true, description = "报送单位 <部门>:<区划>")
        String unit;

        @Override
        public Integer call() {
            AppStore store = AppStore.open(AgingCli.home());
            int revoked = new ApiTokenService(store).revoke(unit, "cli");
            audit(store).record("cli", null, AuditLog.ADMIN, "token:" + unit, "revoke " + revoked, "ok", "local");
            System.out.println("已吊销 " + unit + " 的 " + revoked + " 个令牌。");
            return 0;
        }
    }
}

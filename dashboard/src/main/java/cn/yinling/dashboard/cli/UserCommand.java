package cn.yinling.dashboard.cli;

import cn.yinling.dashboard.appstate.AppStore;
import cn.yinling.dashboard.audit.AuditLog;
import cn.yinling.dashboard.auth.Accounts;
import cn.yinling.dashboard.auth.PortalSettings;
import cn.yinling.dashboard.auth.Role;
import cn.yinling.dashboard.web.ClientAddress;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aging user add}: scripted provisioning of an account; prints its generated first password once. */
@Command(name = "user", description = "账号管理", subcommands = UserCommand.Add.class)
final class UserCommand {

    @Command(name = "add", description = "新建账号，打印一次性初始密码（首次登录须修改）")
    static final class Add implements Callable<Integer> {

        @Option(names = "--name", required = true, description = "账号名（字母、数字、_ . -）")
        String name;

        @Option(names = "--role", required = true, description = "角色：leader|planner|uploader|admin")
        String role;

        @Option(names = "--unit", description = "填报员的报送单位 <部门>:<区划>，如 civil_affairs:320312")
        String unit;

        @Override
        public Integer call() {
            Role parsed = Role.parse(role).orElseThrow(() -> new RefusedInputException(
                    "角色应为 leader、planner、uploader 或 admin，实际为：" + role));
            AppStore store = AppStore.open(AgingCli.home());
            Accounts accounts = new Accounts(store, PortalSettings.fromEnvironment(AgingCli.environment));
            Accounts.Created created;
            try {
                created = accounts.create(name, parsed, unit);
            } catch (IllegalArgumentException e) {
                throw new RefusedInputException(e.getMessage());
            }
            new AuditLog(store, new ClientAddress(false), Clock.systemUTC()).record("cli", null, AuditLog.ADMIN,
                    "user:" + name, "create role=" + parsed + (unit == null ? "" : " unit=" + unit), "ok", "local");
            System.out.println("已创建账号 " + name + "（" + parsed.label() + (unit == null ? "" : "，" + unit) + "）");
            System.out.println("初始密码：" + created.password());
            System.out.println("（只显示这一次；首次登录后须修改密码）");
            return 0;
        }
    }
}

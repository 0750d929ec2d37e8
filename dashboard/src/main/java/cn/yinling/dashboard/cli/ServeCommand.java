package cn.yinling.dashboard.cli;

import cn.yinling.dashboard.DashboardApp;
import cn.yinling.dashboard.Dependencies;
import cn.yinling.warehouse.store.AgingHome;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "启动看板（默认端口 AGING_PORT 或 7070）")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "端口")
    Integer port;

    @Override
    public Integer call() throws Exception {
        return serve(AgingCli.home(), port(port));
    }

    static int port(Integer option) {
        if (option != null) {
            return option;
        }
        String fromEnv = AgingCli.environment.get("AGING_PORT");
        try {
            return fromEnv == null || fromEnv.isBlank() ? 7070 : Integer.parseInt(fromEnv.trim());
        } catch (NumberFormatException e) {
            throw new RefusedInputException("AGING_PORT 应为端口号，例如 7070，实际为 " + fromEnv);
        }
    }

    /** Serves until the process is stopped (Ctrl-C); a newly published version is picked up without a restart. */
    static int serve(AgingHome home, int port) throws InterruptedException {
        Dependencies dependencies = Dependencies.forHome(home, AgingCli.environment, AgingCli.repositoryRoot());
        dependencies.accounts().ensureFirstAdmin(AgingCli.environment).ifPresent(created -> {
            if (created.password().equals(AgingCli.environment.get("AGING_ADMIN_PASSWORD"))) {
                System.out.println("已用 AGING_ADMIN_PASSWORD 创建管理员账号 " + created.user().name()
                        + "（首次登录后须修改密码）");
            } else {
                System.out.println("已创建管理员账号 " + created.user().name() + "，初始密码：" + created.password());
                System.out.println("（只显示这一次；首次登录后须修改密码）");
            }
        });
        var app = DashboardApp.create(dependencies);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            dependencies.close();
            stopped.countDown();
        }));
        app.start(port);
        System.out.println("看板已启动：http://localhost:" + port + "/  （按 Ctrl-C 停止）");
        stopped.await();
        return 0;
    }
}

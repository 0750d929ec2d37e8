package cn.yinling.dashboard.cli;

import cn.yinling.dashboard.appstate.AppStore;
import cn.yinling.dashboard.auth.Accounts;
import cn.yinling.dashboard.auth.PortalSettings;
import cn.yinling.dashboard.auth.Role;
import cn.yinling.datasets.GeneratorOptions;
import cn.yinling.warehouse.config.UnitRegistry;
import cn.yinling.warehouse.land.BatchReport;
import cn.yinling.warehouse.land.Landing;
import cn.yinling.warehouse.land.LandingOptions;
import cn.yinling.warehouse.land.Upload;
import cn.yinling.warehouse.store.AgingHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aging demo}: generate the default synthetic city, ingest it all, run the ETL, serve the dashboard. */
@Command(name = "demo", description = "演示：生成合成城市数据，全部接收，运行 ETL，发布并启动看板")
final class DemoCommand implements Callable<Integer> {

    /** About 10.4万 residents: the whole demo, build included, is served within five minutes on two cores. */
    @Option(names = "--scale", defaultValue = "0.01", description = "规模（默认 ${DEFAULT-VALUE}，约 10.4 万户籍人口）")
    double scale;

    @Option(names = "--port", description = "看板端口（默认 AGING_PORT 或 7070）")
    Integer port;

    @Override
    public Integer call() throws Exception {
        AgingHome home = AgingCli.home();
        Path feeds = home.root().resolve("demo").resolve("feeds-scale-" + scale);
        if (!Files.exists(feeds.resolve(IngestPlan.FILE_NAME))) {
            System.err.println("① 生成合成城市数据 → " + feeds);
            GenerateCommand.generate(new GeneratorOptions(scale, YearMonth.of(2024, 1), YearMonth.of(2024, 12), 1, false, feeds));
        } else {
            System.err.println("① 沿用已生成的数据 " + feeds);
        }
        System.err.println("② 接收各部门报送文件");
        ingestAll(home, IngestPlan.read(feeds));
        System.err.println("③ 运行 ETL 并发布新版本");
        int etl = EtlCommand.runEtl(null);
        if (etl != 0) {
            System.err.println("ETL 失败（退出码 " + etl + "），看板仍提供上一个已发布版本（如有）。");
            return etl;
        }
        System.err.println("④ 创建演示账号");
        printDemoAccounts(home);
        System.err.println("⑤ 启动看板");
        return ServeCommand.serve(home, ServeCommand.port(port));
    }

    /** One account per role, and one uploader per unit of units.csv; for the demo only, no forced password change. */
    static void printDemoAccounts(AgingHome home) {
        Accounts accounts = new Accounts(AppStore.open(home), PortalSettings.fromEnvironment(AgingCli.environment));
        System.out.println("演示账号（仅供演示，密码每次运行 demo 时重新生成）：");
        TextTable table = TextTable.of("账号", "角色", "密码", "单位");
        for (Role role : List.of(Role.leader, Role.planner, Role.admin)) {
            String name = "demo_" + role.name();
            table.row(name, role.label(), accounts.demoAccount(name, role, null), "");
        }
        for (UnitRegistry.Unit unit : UnitRegistry.load(home).units()) {
            String name = "demo_" + unit.unit().replace(':', '_');
            table.row(name, Role.uploader.label(), accounts.demoAccount(name, Role.uploader, unit.unit()), unit.name());
        }
        table.render().lines().forEach(line -> System.out.println("  " + line));
    }

    /** Files landed at once: a large household snapshot keeps one core busy while the small files of the month land. */
    static final int PARALLEL_LANDINGS = 2;

    /**
     * Lands every file of the plan, two at a time, each after the files it depends on (IngestPlan.dependencies), so
     * every file gets the outcome it would get in plan order.
     */
    static void ingestAll(AgingHome home, IngestPlan plan) throws InterruptedException {
        Landing landing = new Landing(home, LandingOptions.fromEnvironment(AgingCli.environment));
        List<IngestPlan.Entry> entries = plan.entries();
        List<List<Integer>> dependencies = plan.dependencies();
        BatchReport[] reports = new BatchReport[entries.size()];
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_LANDINGS);
        List<CompletableFuture<Void>> landed = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        try (Progress progress = new Progress()) {
            for (int i = 0; i < entries.size(); i++) {
                int index = i;
                IngestPlan.Entry entry = entries.get(i);
                CompletableFuture<?>[] before = dependencies.get(i).stream().map(landed::get)
                        .toArray(CompletableFuture[]::new);
                landed.add(CompletableFuture.allOf(before).thenRunAsync(() -> {
                    reports[index] = landing.ingest(new Upload(entry.feed(), entry.period(), entry.unit(), "demo",
                            entry.file().getFileName().toString(), entry.file()));
                    synchronized (progress) {
                        progress.step("接收报送文件", done.incrementAndGet(), entries.size());
                    }
                }, pool));
            }
            CompletableFuture.allOf(landed.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        List<String> refused = new ArrayList<>();
        long accepted = 0;
        long unchanged = 0;
        long rowsLoaded = 0;
        long rowsQuarantined = 0;
        for (int i = 0; i < entries.size(); i++) {
            BatchReport report = reports[i];
            switch (report.status()) {
                case accepted -> accepted++;
                case unchanged -> unchanged++;
                case refused -> refused.add(entries.get(i).file().getFileName() + "：" + report.fatal().message());
            }
            rowsLoaded += report.rowsLoaded();
            rowsQuarantined += report.rowsQuarantined();
        }
        System.err.printf("共 %d 个文件：新接收 %d，内容未变 %d，拒收 %d；接收 %,d 行，隔离 %,d 行%n",
                entries.size(), accepted, unchanged, refused.size(), rowsLoaded, rowsQuarantined);
        refused.forEach(r -> System.err.println("  拒收 " + r));
    }
}

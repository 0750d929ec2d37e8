package cn.yinling.dashboard.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aging etl}: the launcher script runs the Spark job directly; this command exists for help text and for
 * {@code demo}, which starts the same launcher as a separate process (Spark never enters this JVM).
 */
@Command(name = "etl", description = "运行 Spark ETL，生成并发布新的数据仓库版本")
final class EtlCommand implements Callable<Integer> {

    @Option(names = "--master", description = "Spark master，默认 local[*]")
    String master;

    @Override
    public Integer call() throws Exception {
        return runEtl(master);
    }

    static int runEtl(String master) throws Exception {
        List<String> command = new ArrayList<>(List.of(AgingCli.repositoryRoot().resolve("aging").toString(), "etl"));
        if (master != null) {
            command.addAll(List.of("--master", master));
        }
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}

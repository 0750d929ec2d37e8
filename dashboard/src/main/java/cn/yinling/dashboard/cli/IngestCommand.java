package cn.yinling.dashboard.cli;

import cn.yinling.warehouse.land.BatchReport;
import cn.yinling.warehouse.land.Landing;
import cn.yinling.warehouse.land.LandingOptions;
import cn.yinling.warehouse.land.Upload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aging ingest}: the same landing code as the upload page and the HTTP API. */
@Command(name = "ingest", description = "校验并接收一个部门报送文件（CSV 或 XLSX）")
final class IngestCommand implements Callable<Integer> {

    @Option(names = "--feed", required = true, description = "数据项，如 household")
    String feed;

    @Option(names = "--period", required = true, description = "报送期间：月度 YYYY-MM，年度 YYYY")
    String period;

    @Option(names = "--unit", required = true, description = "报送单位 <部门>:<区划>，如 public_security:320300")
    String unit;

    @Option(names = "--json", description = "输出 JSON 格式的批次报告")
    boolean json;

    @Parameters(index = "0", paramLabel = "FILE", description = "报送文件")
    Path file;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new RefusedInputException("找不到文件：" + file + "，请检查路径");
        }
        Landing landing = new Landing(AgingCli.home(), LandingOptions.fromEnvironment(AgingCli.environment));
        BatchReport report = landing.ingest(new Upload(feed, period, unit, "cli", file.getFileName().toString(), file));
        if (json) {
            System.out.println(report.toJson());
        } else {
            System.out.println(BatchReportText.render(report));
        }
        return report.refused() ? AgingCli.EXIT_REFUSED : 0;
    }
}

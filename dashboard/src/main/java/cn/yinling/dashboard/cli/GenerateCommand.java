package cn.yinling.dashboard.cli;

import cn.yinling.datasets.CityGenerator;
import cn.yinling.datasets.GenerationSummary;
import cn.yinling.datasets.GeneratorOptions;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", description = "生成合成城市（徐州市真实区划）的各部门报送文件，及 truth/ 标准答案")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--scale", defaultValue = "0.02", description = "规模，1.0 约为全市 1040 万户籍人口（默认 ${DEFAULT-VALUE}）")
    double scale;

    @Option(names = "--from", defaultValue = "2024-01", description = "起始月份 YYYY-MM（默认 ${DEFAULT-VALUE}）")
    YearMonth from;

    @Option(names = "--to", defaultValue = "2024-12", description = "截止月份 YYYY-MM（默认 ${DEFAULT-VALUE}）")
    YearMonth to;

    @Option(names = "--seed", defaultValue = "1", description = "随机种子（默认 ${DEFAULT-VALUE}）")
    long seed;

    @Option(names = "--quarterly", description = "户籍快照按季度报送（季末各一份，另加起始月；默认按月）")
    boolean quarterly;

    @Option(names = "--out", required = true, description = "输出目录")
    Path out;

    @Override
    public Integer call() {
        GeneratorOptions options;
        try {
            options = new GeneratorOptions(scale, from, to, seed, quarterly, out);
        } catch (IllegalArgumentException badOption) {
            throw new RefusedInputException(badOption.getMessage());
        }
        GenerationSummary summary = generate(options);
        System.out.printf("已生成 %d 个报送文件（%s），数据行 %,d，其中故意埋入的错误行 %,d（见 truth/）%n",
                summary.files(), summary.filesByFeed(), summary.dataRows(), summary.plantedRows());
        System.out.printf("户籍人口：期初 %,d，期末 %,d；死亡 %,d；养老服务设施 %,d%n", summary.initialPopulation(),
                summary.finalPopulation(), summary.deaths(), summary.facilities());
        System.out.println("输出目录：" + summary.out().toAbsolutePath() + "（按 ingest-plan.csv 的顺序接收）");
        return 0;
    }

    static GenerationSummary generate(GeneratorOptions options) {
        try (Progress progress = new Progress()) {
            return new CityGenerator(options).generate(progress::step);
        }
    }
}

package cn.yinling.dashboard.cli;

import cn.yinling.warehouse.store.AgingHome;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./aging}: the one command-line entry (spec/cli.md). Exit codes: 0 success, 2 the input was refused (a Chinese
 * message on stderr), 1 anything else. {@code etl} runs in its own JVM with Spark (the launcher script starts it);
 * this JVM has no Spark on its class path.
 */
@Command(name = "aging", mixinStandardHelpOptions = true, version = "银龄数仓 0.1.0",
        description = "银龄数仓：老年人口与老龄事业数据仓库",
        subcommands = {GenerateCommand.class, IngestCommand.class, EtlCommand.class, KpiCommand.class, AuditCommand.class,
            ForecastCommand.class, ServeCommand.class, DemoCommand.class, BenchCommand.class, UserCommand.class,
            TokenCommand.class, ReportCommand.class})
public final class AgingCli {

    public static final int EXIT_REFUSED = 2;

    /** Commands that run as a service, whose log is the operator's record of what happened. */
    private static final java.util.Set<String> SERVICES = java.util.Set.of("serve", "demo");

    public static void main(String[] args) {
        quietLogForOneShotCommands(args, System.getenv("AGING_LOG_LEVEL"));
        System.exit(commandLine().execute(args));
    }

    /**
     * A one-shot command (kpi, audit, report …) prints its answer and its progress; the readers' INFO lines (which
     * version was opened and closed) would only bury them, so those commands log warnings and errors only, unless
     * AGING_LOG_LEVEL asks for more. Must run before the first logger is created: SimpleLogger reads it once.
     */
    static void quietLogForOneShotCommands(String[] args, String requestedLevel) {
        String level = requestedLevel != null && !requestedLevel.isBlank() ? requestedLevel
                : args.length > 0 && SERVICES.contains(args[0]) ? null : "warn";
        if (level != null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        }
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new AgingCli());
        cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            if (exception instanceof RefusedInputException) {
                commandLine.getErr().println(exception.getMessage());
                return EXIT_REFUSED;
            }
            commandLine.getErr().println("出错了：" + exception.getMessage());
            return 1;
        });
        cli.setParameterExceptionHandler((exception, args) -> {
            exception.getCommandLine().getErr().println(exception.getMessage());
            exception.getCommandLine().usage(exception.getCommandLine().getErr());
            return EXIT_REFUSED;
        });
        return cli;
    }

    /** The process environment; tests substitute their own so that AGING_HOME points into a temporary folder. */
    static java.util.Map<String, String> environment = System.getenv();

    static AgingHome home() {
        return AgingHome.fromEnvironment(environment);
    }

    /** The repository root, where the {@code aging} launcher lives (set by the launcher). */
    static Path repositoryRoot() {
        return Path.of(System.getProperty("aging.root", ".")).toAbsolutePath().normalize();
    }
}

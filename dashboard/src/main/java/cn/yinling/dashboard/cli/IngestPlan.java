package cn.yinling.dashboard.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The generator's ingest-plan.csv: every generated file with its feed, period and unit, in ingest order. */
record IngestPlan(Path folder, List<Entry> entries) {

    record Entry(Path file, String feed, String period, String unit) {
    }

    static final String FILE_NAME = "ingest-plan.csv";

    static IngestPlan read(Path folder) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve(FILE_NAME), StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).replace("\uFEFF", "").equals("file,feed,period,unit")) {
            throw new RefusedInputException(folder.resolve(FILE_NAME) + " 的表头应为 file,feed,period,unit");
        }
        List<Entry> entries = lines.stream().skip(1).filter(l -> !l.isBlank()).map(line -> {
            String[] cells = line.split(",", -1);
            return new Entry(folder.resolve(cells[0]), cells[1], cells[2], cells[3]);
        }).toList();
        return new IngestPlan(folder, entries);
    }
}

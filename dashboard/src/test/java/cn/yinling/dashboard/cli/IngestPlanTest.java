package cn.yinling.dashboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which earlier files a file of the generator's ingest plan waits for when the demo lands two at a time. */
class IngestPlanTest {

    @TempDir
    Path folder;

    @Test
    void aFileWaitsOnlyForTheBatchesItsChecksRead() throws Exception {
        Files.writeString(folder.resolve(IngestPlan.FILE_NAME), String.join("\n",
                "file,feed,period,unit",
                "r.xlsx,region,2024,stats:320300",                        // 0
                "f1.xlsx,facility,2024-01,civil_affairs:320300",          // 1
                "h1.csv,household,2024-01,public_security:320300",        // 2
                "a1.xlsx,allowance,2024-01,civil_affairs:320312",         // 3
                "o1.xlsx,service_order,2024-01,civil_affairs:320300",     // 4
                "l.xlsx,living_status,2024,civil_affairs:320312",         // 5
                "f2.xlsx,facility,2024-02,civil_affairs:320300",          // 6
                "h2.csv,household,2024-02,public_security:320300",        // 7
                "a2.xlsx,allowance,2024-02,civil_affairs:320312",         // 8
                ""), StandardCharsets.UTF_8);

        List<List<Integer>> waits = IngestPlan.read(folder).dependencies();

        assertEquals(List.of(), waits.get(0));
        assertEquals(List.of(0), waits.get(1), "a facility file reads the region registry");
        assertEquals(List.of(0), waits.get(2), "a household file reads the registry; facilities change nothing of it");
        assertEquals(List.of(0, 2), waits.get(3), "allowance: the registry and the household snapshot");
        assertEquals(List.of(0, 1, 2), waits.get(4), "service orders also read the facilities");
        assertEquals(List.of(0, 2), waits.get(5));
        assertEquals(List.of(0, 1, 2, 4), waits.get(6), "a facility file changes what the earlier service orders read");
        // household 2024-02 would change the snapshot in force of the annual living status (up to 2024-12), not that
        // of allowance 2024-01 (household 2024-01 is in force for it whatever lands later)
        assertEquals(List.of(0, 2, 5), waits.get(7));
        assertEquals(List.of(0, 2, 3, 7), waits.get(8), "allowance 2024-02: registry, both snapshots, allowance 2024-01");
    }
}

package cn.yinling.warehouse.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionStoreTest {

    @TempDir
    Path root;

    private VersionStore.Staging stageWith(VersionStore store, String content) throws IOException {
        VersionStore.Staging staging = store.begin();
        Files.createDirectories(staging.dir().resolve("mart_kpi"));
        Files.writeString(staging.dir().resolve("mart_kpi").resolve("part-0.parquet"), content);
        return staging;
    }

    @Test
    void publishNumbersVersionsAndSwitchesCurrent() throws IOException {
        VersionStore store = new VersionStore(new AgingHome(root));
        assertTrue(store.current().isEmpty());
        assertTrue(store.currentDir().isEmpty());

        VersionStore.Staging first = stageWith(store, "a");
        assertEquals(1, first.version());
        assertTrue(first.dir().getFileName().toString().startsWith(".tmp-1-"));
        assertEquals(List.of(), store.versions(), "a staging folder is not a version");
        store.publish(first);
        assertEquals(1, store.current().getAsInt());
        assertEquals("1", Files.readString(root.resolve("warehouse/CURRENT")).trim());
        assertEquals("a", Files.readString(store.currentDir().orElseThrow().resolve("mart_kpi/part-0.parquet")));

        VersionStore.Staging second = stageWith(store, "b");
        assertEquals(2, second.version());
        store.publish(second);
        assertEquals(2, store.current().getAsInt());
        assertEquals(List.of(1, 2), store.versions());
        try (var left = Files.list(root.resolve("warehouse"))) {
            assertEquals(List.of("CURRENT", "versions"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary CURRENT file is left behind");
        }
    }

    @Test
    void aSecondRunClaimingTheSameNumberFailsAndLeavesTheFirstLive() throws IOException {
        VersionStore store = new VersionStore(new AgingHome(root));
        VersionStore.Staging a = stageWith(store, "a");
        VersionStore.Staging b = stageWith(store, "b");
        assertEquals(a.version(), b.version());
        store.publish(a);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.publish(b));
        assertTrue(e.getMessage().contains("已被另一次运行发布"));
        assertEquals("a", Files.readString(store.currentDir().orElseThrow().resolve("mart_kpi/part-0.parquet")));
        store.discard(b);
        assertFalse(Files.exists(b.dir()));
    }

    @Test
    void pruneKeepsTheNewestAndTheLiveVersion() throws IOException {
        VersionStore store = new VersionStore(new AgingHome(root));
        for (int i = 0; i < 7; i++) {
            store.publish(stageWith(store, "v" + i));
        }
        store.writeCurrent(2); // a rollback to an old version
        assertEquals(List.of(1, 3), store.prune(3).stream().sorted().toList().subList(0, 2));
        assertEquals(List.of(2, 5, 6, 7), store.versions());
        assertEquals(2, store.current().getAsInt());
    }

    @Test
    void abandonedStagingIsRemovedOnlyWhenOld() throws IOException {
        VersionStore store = new VersionStore(new AgingHome(root));
        VersionStore.Staging staging = stageWith(store, "x");
        assertEquals(List.of(), store.removeAbandonedStaging(Duration.ofHours(1)));
        assertTrue(Files.exists(staging.dir()));
        assertEquals(List.of(staging.dir()), store.removeAbandonedStaging(Duration.ZERO.minusSeconds(1)));
        assertFalse(Files.exists(staging.dir()));
    }

    @Test
    void folderSwapReplacesTheVaultInOneStep() throws IOException {
        Path name = root.resolve("vault/person");
        Files.createDirectories(name.getParent());
        Path first = FolderSwap.stagingFor(name);
        Files.createDirectories(first);
        Files.writeString(first.resolve("part.parquet"), "old");
        FolderSwap.replace(name, first);
        assertEquals("old", Files.readString(name.resolve("part.parquet")));

        Path second = FolderSwap.stagingFor(name);
        Files.createDirectories(second);
        Files.writeString(second.resolve("part.parquet"), "new");
        FolderSwap.replace(name, second);
        assertEquals("new", Files.readString(name.resolve("part.parquet")));
        assertFalse(Files.exists(first), "the previous content is deleted");
        try (var siblings = Files.list(name.getParent())) {
            assertEquals(2, siblings.count(), "the link and the folder it shows");
        }
    }
}

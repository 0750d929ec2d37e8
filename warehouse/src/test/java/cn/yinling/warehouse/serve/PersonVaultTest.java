package cn.yinling.warehouse.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.store.AgingHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vault's masking rule (VaultQueries/masked.sql) on the names and ID numbers it must handle. */
class PersonVaultTest {

    @TempDir
    Path home;

    private void writeVault(String values) throws Exception {
        Path folder = home.resolve("vault/person");
        Files.createDirectories(folder);
        String file = "'" + folder.resolve("part-00000.parquet").toString().replace("'", "''") + "'";
        Jdbi.create("jdbc:duckdb:").useHandle(h -> {
            h.execute("CREATE TABLE person AS SELECT * FROM (VALUES " + values + ") AS t(person_key, id_number, name)");
            h.execute("COPY person TO " + file + " (FORMAT parquet)");
        });
    }

    @Test
    void namesKeepTheSurnameAndIdNumbersTheirFirstAndLastFourCharacters() throws Exception {
        writeVault("('a', '320302195001011234', '张三'), ('b', '32030219400303567X', '欧阳娜娜'), "
                + "('c', '320302192807078882', '司马光'), ('d', '320302193501017771', '欧阳'), "
                + "('e', '320302193501015555', '李'), ('f', '320302800101123', '王小明'), ('g', '1234', NULL)");
        PersonVault vault = new PersonVault(new AgingHome(home));
        assertTrue(vault.present());

        Map<String, PersonVault.MaskedIdentity> masked = vault.masked(List.of("a", "b", "c", "d", "e", "f", "g", "z"));

        assertEquals("张* 3203**********1234", show(masked.get("a")));
        assertEquals("欧阳** 3203**********567X", show(masked.get("b")), "a compound surname stays whole");
        assertEquals("司马* 3203**********8882", show(masked.get("c")));
        assertEquals("欧* 3203**********7771", show(masked.get("d")), "a two-character name is not all surname");
        assertEquals("李 3203**********5555", show(masked.get("e")));
        assertEquals("王** 3203*******1123", show(masked.get("f")), "a 15-digit number: 4 + 7 * + 4");
        assertEquals("null ****", show(masked.get("g")));
        assertFalse(masked.containsKey("z"), "a person the vault does not know");

        PersonVault.Identity revealed = vault.reveal("b").orElseThrow();
        assertEquals("欧阳娜娜 32030219400303567X", revealed.name() + " " + revealed.idNumber());
        assertFalse(revealed.toString().contains("欧阳娜娜") || revealed.toString().contains("567X"));
        assertTrue(vault.reveal("z").isEmpty());
        assertEquals(Map.of(), vault.masked(List.of()));
    }

    @Test
    void withoutAVaultNobodyIsShown() {
        PersonVault vault = new PersonVault(new AgingHome(home));
        assertFalse(vault.present());
        assertEquals(Map.of(), vault.masked(List.of("a")));
        assertTrue(vault.reveal("a").isEmpty());
    }

    private static String show(PersonVault.MaskedIdentity m) {
        return m.name() + " " + m.idNumber();
    }
}

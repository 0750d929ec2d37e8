package cn.yinling.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelTest {

    private static Model model(String folder, String sql) {
        return new Model(folder, "m", folder + "/m.sql", sql);
    }

    @Test
    void theMaterializedTableLineStoresAStagingOrIntermediateModelAsATable() {
        String sql = "-- why\n-- materialized: table\nwith\nfinal as (select 1 as x)\nselect * from final\n";
        assertTrue(model("staging", sql).isStoredAsTable());
        assertTrue(model("intermediate", sql).isStoredAsTable());
        assertFalse(model("staging", sql.replace("-- materialized: table\n", "")).isStoredAsTable());
        assertFalse(model("staging", sql.replace("table", "view")).isStoredAsTable());
        assertFalse(model("staging", "-- a note: materialized: table in prose\nselect 1").isStoredAsTable());
    }

    @Test
    void theMaterializedEphemeralLineMakesAModelAPlainView() {
        String sql = "-- why\n-- materialized: ephemeral\nwith\nfinal as (select 1 as x)\nselect * from final\n";
        assertTrue(model("intermediate", sql).isEphemeral());
        assertFalse(model("intermediate", sql).isStoredAsTable());
        assertFalse(model("intermediate", sql.replace("ephemeral", "table")).isEphemeral());
        assertFalse(model("marts", sql).isEphemeral());
    }

    @Test
    void martsAndTheVaultArePublishedTheirOwnWay() {
        String sql = "-- materialized: table\nselect 1 as x\n";
        assertFalse(model("marts", sql).isStoredAsTable());
        assertFalse(model("vault", sql).isStoredAsTable());
    }

    @Test
    void theClusteredByLineIsReadForModelsWrittenAsFilesOnly() {
        String sql = "-- materialized: table\n-- clustered_by: person_key\nselect 1 as person_key\n";
        assertEquals("person_key", model("staging", sql).clusteredBy());
        assertEquals("person_key", model("marts", sql.replace("-- materialized: table\n", "")).clusteredBy());
        assertNull(model("staging", sql.replace("-- materialized: table\n", "")).clusteredBy());
        assertNull(model("staging", "-- materialized: table\nselect 1 as person_key\n").clusteredBy());
    }
}

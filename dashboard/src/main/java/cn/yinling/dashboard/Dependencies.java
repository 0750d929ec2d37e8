package cn.yinling.dashboard;

import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.serve.WarehouseReader;
import cn.yinling.warehouse.store.AgingHome;

/**
 * What the dashboard needs from outside; built once by `aging serve` (or a test) and handed to
 * {@link DashboardApp#create(Dependencies)}. Closing it closes the warehouse reader.
 */
public record Dependencies(WarehouseReader warehouse, KpiCatalog catalog) implements AutoCloseable {

    /** The live version of $AGING_HOME's warehouse and the catalog with the city's targets file applied. */
    public static Dependencies forHome(AgingHome home) {
        return new Dependencies(WarehouseReader.open(home),
                KpiCatalog.withTargets(home.config().resolve("targets.properties")));
    }

    @Override
    public void close() {
        warehouse.close();
    }
}

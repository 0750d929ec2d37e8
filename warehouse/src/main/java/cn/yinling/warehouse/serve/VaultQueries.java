package cn.yinling.warehouse.serve;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The vault's queries (used by {@link PersonVault} only); SQL in resources cn/yinling/warehouse/serve/VaultQueries.
 * The vault's Parquet glob is defined into the statement (a table function takes no bind parameter for its path).
 */
@UseClasspathSqlLocator
interface VaultQueries {

    @SqlQuery
    @RegisterConstructorMapper(PersonVault.MaskedIdentity.class)
    List<PersonVault.MaskedIdentity> masked(@Define("vault") String quotedGlob,
            @BindList(value = "keys", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<String> personKeys);

    @SqlQuery
    @RegisterConstructorMapper(PersonVault.Identity.class)
    List<PersonVault.Identity> identities(@Define("vault") String quotedGlob,
            @BindList(value = "keys", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<String> personKeys);

    @SqlQuery
    @RegisterConstructorMapper(PersonVault.Identity.class)
    Optional<PersonVault.Identity> identity(@Define("vault") String quotedGlob, @Bind("personKey") String personKey);
}

package cn.yinling.dashboard.appstate;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Accounts; SQL in resources cn/yinling/dashboard/appstate/Users/*.sql. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(UserRow.class)
public interface Users {

    @SqlQuery
    long insert(@Bind("name") String name, @Bind("role") String role, @Bind("unit") String unit,
            @Bind("passwordHash") String passwordHash, @Bind("mustChangePassword") boolean mustChangePassword,
            @Bind("createdAt") long createdAt);

    @SqlQuery
    Optional<UserRow> findByName(@Bind("name") String name);

    @SqlQuery
    Optional<UserRow> findById(@Bind("id") long id);

    @SqlQuery
    List<UserRow> all();

    @SqlUpdate
    int updatePassword(@Bind("id") long id, @Bind("passwordHash") String passwordHash,
            @Bind("mustChangePassword") boolean mustChangePassword, @Bind("changedAt") long changedAt);

    @SqlUpdate
    int setDisabled(@Bind("id") long id, @Bind("disabled") boolean disabled);

    @SqlQuery
    int countActiveAdmins();

    @SqlQuery
    int count();
}

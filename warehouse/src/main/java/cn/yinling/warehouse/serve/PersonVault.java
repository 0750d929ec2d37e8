package cn.yinling.warehouse.serve;

import cn.yinling.warehouse.store.AgingHome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The PII vault ($AGING_HOME/vault/person: person_key, id_number, name), read for the audit pages only: to show
 * persons masked, and to reveal one person a planner asked for with a reason. Masking happens in the query
 * (VaultQueries/masked.sql), so only masked text leaves DuckDB for a list; the full identity leaves it only through
 * {@link #reveal}. Nothing here logs a value. Independent of the published versions (the ETL replaces the vault in
 * one atomic switch on every run); a missing vault masks nobody (no identity is shown at all).
 */
public final class PersonVault {

    /** Keys per query: an IN list of this size stays a small statement. */
    private static final int CHUNK = 1000;

    /** A person as pages show them: name like 张* / 欧阳**, ID number like 3203**********1234. */
    public record MaskedIdentity(String personKey, String name, String idNumber) {
    }

    /** A person's name and ID number, shown once after a reveal; its text form leaves both out. */
    public record Identity(String personKey, String name, String idNumber) {
        @Override
        public String toString() {
            return "Identity[personKey=" + personKey + ", name and ID number withheld]";
        }
    }

    private final Path folder;

    public PersonVault(AgingHome home) {
        this.folder = home.vault().resolve("person");
    }

    /** Whether the vault holds anything (an ETL run has written it). */
    public boolean present() {
        return InMemoryDuckDb.hasParquet(folder);
    }

    /** The masked identity of each person the vault knows; a person_key it does not know is absent. */
    public Map<String, MaskedIdentity> masked(Collection<String> personKeys) {
        Map<String, MaskedIdentity> result = new HashMap<>();
        for (List<String> chunk : chunks(personKeys)) {
            query(q -> q.masked(glob(), chunk)).ifPresent(rows -> rows.forEach(m -> result.put(m.personKey(), m)));
        }
        return result;
    }

    /** One person's full identity, for a reveal. */
    public Optional<Identity> reveal(String personKey) {
        return query(q -> q.identity(glob(), personKey)).flatMap(Function.identity());
    }

    /** Full identities of several persons: an export for a session that revealed them. */
    public Map<String, Identity> reveal(Collection<String> personKeys) {
        Map<String, Identity> result = new HashMap<>();
        for (List<String> chunk : chunks(personKeys)) {
            query(q -> q.identities(glob(), chunk)).ifPresent(rows -> rows.forEach(i -> result.put(i.personKey(), i)));
        }
        return result;
    }

    private static List<List<String>> chunks(Collection<String> keys) {
        List<String> distinct = keys.stream().filter(k -> k != null).distinct().toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += CHUNK) {
            chunks.add(distinct.subList(i, Math.min(distinct.size(), i + CHUNK)));
        }
        return chunks;
    }

    private String glob() {
        return InMemoryDuckDb.quotedGlob(folder);
    }

    private <T> Optional<T> query(Function<VaultQueries, T> work) {
        if (!present()) {
            return Optional.empty();
        }
        return Optional.ofNullable(InMemoryDuckDb.jdbi().withExtension(VaultQueries.class, work::apply));
    }
}

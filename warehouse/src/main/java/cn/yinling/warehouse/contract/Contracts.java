package cn.yinling.warehouse.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inbound data contract (spec/feeds.md), loaded once from feeds.json. Every part of the system that needs a
 * header, a code list or a department reads it from here.
 */
public final class Contracts {

    private record Document(
            Map<String, String> departments,
            @JsonProperty("code_lists") Map<String, LinkedHashMap<String, String>> codeLists,
            List<FeedContract> feeds) {
    }

    private static final Contracts INSTANCE = load();

    private final Map<String, String> departments;
    private final Map<String, CodeList> codeLists;
    private final Map<String, FeedContract> feeds;

    private Contracts(Document document) {
        this.departments = Map.copyOf(document.departments());
        Map<String, CodeList> lists = new LinkedHashMap<>();
        document.codeLists().forEach((name, values) -> lists.put(name, new CodeList(name, values)));
        this.codeLists = lists;
        Map<String, FeedContract> byName = new LinkedHashMap<>();
        document.feeds().forEach(f -> byName.put(f.feed(), f));
        this.feeds = byName;
    }

    public static Contracts get() {
        return INSTANCE;
    }

    private static Contracts load() {
        try (InputStream in = Contracts.class.getResourceAsStream("feeds.json")) {
            return new Contracts(new ObjectMapper().readValue(in, Document.class));
        } catch (IOException e) {
            throw new UncheckedIOException("feeds.json is missing or malformed", e);
        }
    }

    public Optional<FeedContract> feed(String feed) {
        return Optional.ofNullable(feeds.get(feed));
    }

    public List<FeedContract> feeds() {
        return List.copyOf(feeds.values());
    }

    public CodeList codeList(String name) {
        CodeList list = codeLists.get(name);
        if (list == null) {
            throw new IllegalArgumentException("no code list " + name);
        }
        return list;
    }

    /** Department code → Chinese name, e.g. civil_affairs → 民政局. */
    public Map<String, String> departments() {
        return departments;
    }
}

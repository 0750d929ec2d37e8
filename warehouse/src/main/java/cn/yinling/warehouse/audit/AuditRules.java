package cn.yinling.warehouse.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The audit rule catalog (rules.json): the one definition of each rule's code, name and condition. */
public final class AuditRules {

    private record Document(List<AuditRule> rules) {
    }

    private static final AuditRules DEFAULTS = load();

    private final List<AuditRule> rules;

    private AuditRules(List<AuditRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static AuditRules defaults() {
        return DEFAULTS;
    }

    private static AuditRules load() {
        try (InputStream in = AuditRules.class.getResourceAsStream("rules.json")) {
            if (in == null) {
                throw new IllegalStateException("rules.json is missing from the class path");
            }
            return new AuditRules(new ObjectMapper().readValue(in, Document.class).rules());
        } catch (IOException e) {
            throw new UncheckedIOException("rules.json is malformed", e);
        }
    }

    /** Every rule, in code order. */
    public List<AuditRule> all() {
        return rules;
    }

    public Optional<AuditRule> find(String code) {
        return rules.stream().filter(r -> r.code().equals(code)).findFirst();
    }
}

package org.pathosynth.extraction.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.extraction.rules.internal.ReaderEntry;
import org.pathosynth.extraction.rules.internal.RuleBook;
import org.pathosynth.extraction.rules.internal.Scan;
import org.pathosynth.extraction.rules.internal.TextView;

/**
 * A morphology code of the schema's vocabulary: written as a code ("8500/3", "M-8500/3", "M85003"), else named by a
 * synonym of the rules file or by one of the schema's value labels. Invasive codes win over the in-situ component
 * described beside them.
 */
final class MorphologyReader implements AttributeReader {
    private final RuleBook rules;
    private final Attribute attribute;
    private final List<Pattern> codes;
    private final Map<String, List<Pattern>> names = new LinkedHashMap<>();

    MorphologyReader(RuleBook rules, ReaderEntry entry, Attribute attribute) {
        this.rules = rules;
        this.attribute = attribute;
        this.codes = rules.patterns(entry.rule("codes"));
        Map<String, List<Pattern>> synonyms = rules.patternLists(entry.rule("synonyms"));
        for (String value : attribute.values()) {
            List<Pattern> list = new ArrayList<>(synonyms.getOrDefault(value, List.of()));
            attribute.valueLabels().getOrDefault(value, Map.of()).values().forEach(label -> list.add(rules.label(label)));
            names.put(value, rules.joined(list));
        }
    }

    @Override
    public void read(Reading reading, Findings found) {
        found.put(attribute.name(), read(reading.current()));
    }

    private Hit read(TextView view) {
        Hit written = null;
        for (Pattern code : codes) {
            Scan c = rules.scan(code, view);
            while (c.find()) {
                String value = c.group("code") + "/" + c.group("behaviour");
                if (attribute.values().contains(value)) {
                    if (written == null || c.start() < written.start()) {
                        written = new Hit(value, c.start(), c.end(), 1.0);
                    }
                    break;
                }
            }
        }
        if (written != null) {
            return written;
        }
        List<Hit> found = new ArrayList<>();
        names.forEach((value, patterns) -> {
            for (Pattern p : patterns) {
                Scan m = rules.scan(p, view);
                while (m.find()) {
                    found.add(new Hit(value, m.start(), m.end(), 0.9));
                }
            }
        });
        // An in-situ component is mentioned beside most invasive carcinomas: invasive codes win.
        return Hit.longestNonOverlapping(found).stream()
                .min(Comparator.comparingInt((Hit h) -> ((String) h.value()).endsWith("/3") ? 0 : 1).thenComparingInt(Hit::start))
                .orElse(null);
    }
}

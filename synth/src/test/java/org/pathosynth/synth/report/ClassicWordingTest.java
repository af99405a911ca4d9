package org.pathosynth.synth.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;

/**
 * The classic wording (the default) is the writer's output before spans, flavour slots and the extended vocabulary
 * (template version 2): the same seed still gives the same bytes, pinned here over both languages, every style and noise
 * level.
 */
class ClassicWordingTest {
    /** Digest of the writer's output at template version 2 (commit 31395dc), before spans and the extended vocabulary. */
    static final String PINNED = "05b26e059696ed3b70fcf9fac1f00a841ebb7643ab62bb7f4d060ad43c44dd0b";

    static List<ClinicalRecord> records(Schema schema, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<ClinicalRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ClinicalRecord.Builder b = ClinicalRecord.builder(schema);
            for (Attribute a : schema.attributes()) {
                if (rng.nextDouble() < 0.25) {
                    continue;
                }
                switch (a.kind()) {
                    case CATEGORICAL, ORDINAL -> b.set(a.name(), a.values().get(rng.nextInt(a.values().size())));
                    case BOOLEAN -> b.set(a.name(), rng.nextBoolean());
                    case INTEGER -> b.set(a.name(), rng.nextInt(0, 30));
                    case NUMERIC -> b.set(a.name(), a.round(rng.nextDouble(a.min() == null ? 0 : a.min(), Math.min(a.max() == null ? 100 : a.max(), 90))));
                }
            }
            ClinicalRecord r = b.build();
            if (!r.violations().isEmpty()) {
                r = r.with("lymph_nodes_affected", r.getInteger("lymph_nodes_taken"));
            }
            out.add(r);
        }
        return out;
    }

    static String digest(TemplateReportWriter.Builder configured) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<ClinicalRecord> records = records(versionTwoSchema(), 300, 17);
        for (String language : new String[] {"fr", "en"}) {
            for (double noise : new double[] {0, 0.3, 1}) {
                TemplateReportWriter w = configured.language(language).noise(noise).build();
                for (int i = 0; i < records.size(); i++) {
                    sha.update(w.generate(new GenerationRequest("r" + i, records.get(i), 1000L * i + 7)).text().getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The preset as it was at template version 2: sizes to the tenth of a millimetre, from 0.1 (whole millimetres since). */
    static Schema versionTwoSchema() {
        Schema schema = Schema.breastCancer();
        Attribute size = schema.attribute("tumor_size_mm");
        return schema.with(new Attribute(size.name(), size.kind(), size.values(), 0.1, size.max(), 1, size.unit(), size.labels(),
                size.description(), size.valueLabels(), size.synonyms()));
    }

    @Test
    void classicWordingIsByteIdenticalToTemplateVersionTwo() throws Exception {
        assertThat(digest(TemplateReportWriter.builder().vocabulary(Vocabulary.CLASSIC))).isEqualTo(PINNED);
    }
}

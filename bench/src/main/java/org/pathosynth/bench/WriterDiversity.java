package org.pathosynth.bench;

import java.util.ArrayList;
import java.util.List;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.random.Seeds;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.eval.text.TextDiversity;
import org.pathosynth.synth.report.TemplateReportWriter;

/**
 * How varied the offline writer's reports are next to a single-template baseline that states every value in the
 * same words ("Label : value."), over the same records: distinct-1/2, self-BLEU and length spread of both corpora.
 */
public record WriterDiversity(TextDiversity writer, TextDiversity singleTemplate) {

    /** Writes one report per record with {@code writer} and with the baseline; self-BLEU on 200 reports. */
    public static WriterDiversity measure(List<ClinicalRecord> records, TemplateReportWriter writer, long seed) {
        List<String> written = new ArrayList<>();
        List<String> baseline = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            written.add(writer.generate(new GenerationRequest("r" + i, records.get(i), Seeds.derive(seed, "diversity", i))).text());
            baseline.add(singleTemplate(records.get(i), writer.language()));
        }
        return new WriterDiversity(TextDiversity.of(written, 200, seed), TextDiversity.of(baseline, 200, seed));
    }

    /** The baseline report: "Label : value." for each stated attribute, in schema order, with the schema's labels. */
    public static String singleTemplate(ClinicalRecord record, String language) {
        StringBuilder out = new StringBuilder();
        for (Attribute a : record.schema().attributes()) {
            if (record.get(a.name()) != null) {
                String value = a.kind().isCoded() ? a.valueLabel(record.format(a.name()), language) : record.format(a.name());
                out.append(a.label(language)).append(" : ").append(value).append(". ");
            }
        }
        return out.toString().strip();
    }
}

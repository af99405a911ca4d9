package org.pathosynth.core.generation;

import java.util.ArrayList;
import java.util.List;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.random.Seeds;

/**
 * The one id and seed scheme of reports written for a table: record {@code i} (from 0) gets the id
 * {@code r<i+1>} and the seed {@code Seeds.derive(seed, "generate", i)}, wherever reports are written
 * (the pipeline, {@code run}, {@code generate}, the fixtures). Records carry only the attributes reports state
 * ({@link org.pathosynth.core.schema.Schema#reportable()}).
 */
public final class GenerationRequests {
    private GenerationRequests() {
    }

    public static List<GenerationRequest> forTable(Table table, long seed) {
        List<GenerationRequest> requests = new ArrayList<>(table.rowCount());
        org.pathosynth.core.schema.Schema reportable = table.schema().reportable();
        for (int i = 0; i < table.rowCount(); i++) {
            requests.add(new GenerationRequest(id(i), table.record(i).projectedTo(reportable), Seeds.derive(seed, "generate", i)));
        }
        return requests;
    }

    /** The id of the record at {@code index} (from 0). */
    public static String id(int index) {
        return "r" + (index + 1);
    }
}

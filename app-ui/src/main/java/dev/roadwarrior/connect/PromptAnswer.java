package dev.roadwarrior.connect;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The user's answer to a {@link Prompt}. The receiver takes the arrays and wipes them.
 *
 * @param values the input per field; a field left out counts as not answered
 * @param savePassword whether the user wants the XAuth password kept (honoured only if the
 *     gateway allows it)
 */
public record PromptAnswer(Map<PromptField, char[]> values, boolean savePassword) {

    public PromptAnswer {
        EnumMap<PromptField, char[]> copy = new EnumMap<>(PromptField.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
    }

    /** Overwrites every value with zeros. */
    public void wipe() {
        values.values().forEach(v -> Arrays.fill(v, '\0'));
    }

    @Override
    public String toString() {
        return "PromptAnswer[fields=" + values.keySet() + ", savePassword=" + savePassword + "]";
    }
}

package org.crmkit.core.lifecycle;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The evidence list of an automatic move by a threshold rule: one {@link Evidence.Numeric},
 * built on demand from the rule's condition and the reading. A move keeps one small object
 * instead of an evidence record and a list, which matters when {@code advance} moves a million
 * subjects and every move stays in a history. Equal to (and hashes as) {@code List.of(numeric)}.
 *
 * <p>Immutable and thread-safe.
 */
final class ThresholdEvidence extends AbstractList<Evidence> implements RandomAccess {
    private final String rule;
    private final Rule.Threshold condition;
    private final double value;

    /** The condition held for the value: the caller checked it; the value is finite. */
    ThresholdEvidence(String rule, Rule.Threshold condition, double value) {
        this.rule = rule;
        this.condition = condition;
        this.value = value;
    }

    @Override
    public Evidence get(int index) {
        Objects.checkIndex(index, 1);
        return new Evidence.Numeric(rule, condition.signal(), value, condition.comparison(), condition.threshold());
    }

    @Override
    public int size() {
        return 1;
    }
}

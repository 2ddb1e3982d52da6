package org.crmkit.scoring.basket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reference answers by exhaustive enumeration: every subset of the item universe is counted
 * by scanning every basket. Independent of the miner's code (no shared helpers).
 */
final class BruteForce {
    final List<List<String>> baskets;
    final List<String> universe;
    final Map<List<String>, Integer> counts = new HashMap<>();

    BruteForce(List<List<String>> baskets) {
        this.baskets = baskets;
        TreeSet<String> all = new TreeSet<>();
        baskets.forEach(all::addAll);
        this.universe = new ArrayList<>(all);
        int m = universe.size();
        for (int mask = 1; mask < (1 << m); mask++) {
            List<String> set = subset(mask);
            int c = 0;
            for (List<String> b : baskets) {
                if (b.containsAll(set)) {
                    c++;
                }
            }
            counts.put(set, c);
        }
    }

    List<String> subset(int mask) {
        List<String> set = new ArrayList<>();
        for (int i = 0; i < universe.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                set.add(universe.get(i));
            }
        }
        return List.copyOf(set);
    }

    int count(List<String> set) {
        return set.isEmpty() ? baskets.size() : counts.get(set);
    }

    /** Frequent itemsets with size <= maxLen: smallest count by exact integer comparison. */
    Map<List<String>, Integer> frequent(int minCount, int maxLen) {
        Map<List<String>, Integer> out = new HashMap<>();
        counts.forEach((set, c) -> {
            if (c >= minCount && c > 0 && set.size() <= maxLen) {
                out.put(set, c);
            }
        });
        return out;
    }

    /** A rule with its measures computed straight from the definitions. */
    record Rule(List<String> lhs, List<String> rhs, int count, double support, double confidence,
            double lift, double leverage, Double conviction) {
    }

    List<Rule> rules(int minCount, double minConf, int minLen, int maxLen, int maxRhs) {
        List<Rule> out = new ArrayList<>();
        double n = baskets.size();
        for (Map.Entry<List<String>, Integer> e : frequent(minCount, maxLen).entrySet()) {
            List<String> z = e.getKey();
            if (z.size() < minLen) {
                continue;
            }
            int k = z.size();
            for (int rmask = 1; rmask < (1 << k); rmask++) {
                if (Integer.bitCount(rmask) > maxRhs) {
                    continue;
                }
                List<String> lhs = new ArrayList<>();
                List<String> rhs = new ArrayList<>();
                for (int p = 0; p < k; p++) {
                    ((rmask & (1 << p)) != 0 ? rhs : lhs).add(z.get(p));
                }
                double suppZ = e.getValue() / n;
                double suppX = count(lhs) / n;
                double suppY = count(rhs) / n;
                // count ratio, not suppZ / suppX: equal rationals must give equal doubles
                double conf = (double) e.getValue() / count(lhs);
                if (conf < minConf) {
                    continue;
                }
                Double conviction = count(lhs) == e.getValue() ? null : (1 - suppY) / (1 - conf);
                out.add(new Rule(List.copyOf(lhs), List.copyOf(rhs), e.getValue(), suppZ, conf,
                        conf / suppY, suppZ - suppX * suppY, conviction));
            }
        }
        return out;
    }

    /** arules is.redundant: a rule with the same rhs, a proper-subset lhs and conf >= exists in the set. */
    static boolean redundant(Rule r, List<Rule> set) {
        for (Rule g : set) {
            if (g.rhs().equals(r.rhs()) && g.lhs().size() < r.lhs().size()
                    && r.lhs().containsAll(g.lhs()) && g.confidence() >= r.confidence()) {
                return true;
            }
        }
        return false;
    }
}

package org.crmkit.core.lifecycle;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Writes a lifecycle as Mermaid stateDiagram-v2 or Graphviz DOT text. */
final class Diagrams {
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private Diagrams() {
    }

    static String mermaid(Lifecycle<?, ?> lifecycle) {
        StringBuilder out = new StringBuilder("stateDiagram-v2\n");
        Map<String, String> ids = new HashMap<>();
        for (State s : lifecycle.states()) {
            String id = PLAIN_ID.matcher(s.name()).matches() ? s.name() : "s" + s.ordinal();
            ids.put(s.name(), id);
            if (!id.equals(s.name())) {
                out.append("    state \"").append(s.name().replace("\"", "'")).append("\" as ").append(id).append('\n');
            }
        }
        out.append("    [*] --> ").append(ids.get(lifecycle.initial().name())).append('\n');
        for (Transition t : lifecycle.transitions()) {
            out.append("    ").append(ids.get(t.from())).append(" --> ").append(ids.get(t.to()))
                    .append(" : ").append(label(t).replace(":", " ")).append('\n');
        }
        for (State s : lifecycle.states()) {
            if (lifecycle.isTerminal(s)) {
                out.append("    ").append(ids.get(s.name())).append(" --> [*]\n");
            }
        }
        return out.toString();
    }

    static String dot(Lifecycle<?, ?> lifecycle) {
        StringBuilder out = new StringBuilder();
        out.append("digraph ").append(quote(lifecycle.name())).append(" {\n");
        out.append("    rankdir=LR;\n");
        out.append("    node [shape=box, style=rounded];\n");
        out.append("    \"__start\" [shape=point, label=\"\"];\n");
        for (State s : lifecycle.states()) {
            out.append("    ").append(quote(s.name()));
            if (lifecycle.isTerminal(s)) {
                out.append(" [peripheries=2]");
            }
            out.append(";\n");
        }
        out.append("    \"__start\" -> ").append(quote(lifecycle.initial().name())).append(";\n");
        for (Transition t : lifecycle.transitions()) {
            out.append("    ").append(quote(t.from())).append(" -> ").append(quote(t.to()))
                    .append(" [label=").append(quote(label(t))).append("];\n");
        }
        out.append("}\n");
        return out.toString();
    }

    private static String label(Transition t) {
        return t.event() + t.guard().map(g -> " [" + g + "]").orElse("");
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
